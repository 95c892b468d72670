using System.Diagnostics;
using System.Text.Json;

namespace GanNotebooks.Benchmarks;

/// <summary>Runs reference/gan_step.py with Debian's PyTorch and reads its JSON result.</summary>
public sealed class PyTorchReference
{
    private readonly string python;
    private readonly string script;
    private readonly string dataFolder;

    /// <summary>Uses <paramref name="python"/> (Debian's /usr/bin/python3 by default) and the MNIST files in <paramref name="dataFolder"/>.</summary>
    public PyTorchReference(string dataFolder, string python = "/usr/bin/python3")
    {
        this.python = python;
        this.dataFolder = dataFolder;
        script = Path.Combine(AppContext.BaseDirectory, "reference", "gan_step.py");
        if (!File.Exists(script)) throw new FileNotFoundException($"{script} is missing: build tests/GanNotebooks.Benchmarks again.", script);
    }

    /// <summary>Whether <c>import torch</c> works with this Python; else why not (install python3-torch).</summary>
    public string? Unavailable()
    {
        try
        {
            var (code, output) = Run(["-c", "import torch"], new PyTorchConfig(1, 1));
            return code == 0 ? null : $"{python} cannot import torch ({output.Trim()}): install Debian's python3-torch and libopenblas0-pthread.";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{python} cannot be started ({e.Message}).";
        }
    }

    /// <summary>Milliseconds per iteration of each timed block, with the protocol of <paramref name="timer"/>, and the BLAS library loaded.</summary>
    public (double[] Milliseconds, string Blas, string Version) TimeCase(BenchmarkCase benchmarkCase, IterationTimer timer, PyTorchConfig config)
    {
        var json = RunScript(config, "--case", benchmarkCase.Name, "--data", dataFolder, "--threads", config.TorchThreads.ToString(),
            "--warmup", timer.Warmup.ToString(), "--repetitions", timer.Repetitions.ToString(), "--iterations", timer.Iterations.ToString());
        return (json.GetProperty("ms_per_iteration").EnumerateArray().Select(e => e.GetDouble()).ToArray(), Blas(json),
            json.GetProperty("torch").GetString() ?? "?");
    }

    /// <summary>GFLOP/s of n×n float32 matrix products in PyTorch.</summary>
    public double[] Matmul(int n, PyTorchConfig config) =>
        RunScript(config, "--matmul", n.ToString(), "--threads", config.TorchThreads.ToString())
            .GetProperty("gflops").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static string Blas(JsonElement json) =>
        string.Join(", ", json.GetProperty("blas").EnumerateArray().Select(e => Path.GetFileName(e.GetString() ?? "")).Where(n => n.Contains("openblas") || n.Contains("mkl"))) is { Length: > 0 } names
            ? names : "reference BLAS";

    private JsonElement RunScript(PyTorchConfig config, params string[] arguments)
    {
        var (code, output) = Run([script, .. arguments], config);
        if (code != 0) throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed (exit code {code}):\n{output}");
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"{script} printed no result:\n{output}");
        return JsonDocument.Parse(line).RootElement;
    }

    private (int Code, string Output) Run(IReadOnlyList<string> arguments, PyTorchConfig config)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["OPENBLAS_NUM_THREADS"] = config.BlasThreads.ToString();
        start.Environment["OMP_NUM_THREADS"] = config.TorchThreads.ToString();
        // Set on some processors for old OpenBLAS builds; they would slow the reference (see the README's Performance section).
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
