using System.Diagnostics;
using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>The machine's float32 matrix-multiply rate through TorchSharp's libtorch: the yardstick for GFLOP/s.</summary>
public static class MatmulPeak
{
    /// <summary>
    /// The median peak of this benchmark program run again (command <c>peak</c>) with <c>GAN_CPU_KERNELS</c> set to
    /// <paramref name="kernels"/>: MKL keeps the kernels of a process's first product, so another choice needs another
    /// process. Null when that run fails.
    /// </summary>
    public static double? InAnotherProcess(string kernels, int? threads)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(typeof(MatmulPeak).Assembly.Location);
        start.ArgumentList.Add("peak");
        if (threads is { } n) { start.ArgumentList.Add("--threads"); start.ArgumentList.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
        start.Environment[GanNotebooks.Hardware.CpuKernels.Variable] = kernels;
        using var process = Process.Start(start);
        if (process is null) return null;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && double.TryParse(output.Trim().Split('\n')[^1], System.Globalization.CultureInfo.InvariantCulture, out var rate) ? rate : null;
    }

    /// <summary>GFLOP/s of each of <paramref name="repetitions"/> n×n products (2n³ FLOPs each), after 3 untimed ones.</summary>
    public static double[] Measure(int n = 2048, int repetitions = 10)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n);
        var b = randn(n, n);
        for (int i = 0; i < 3; i++) mm(a, b).Dispose();
        var result = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            mm(a, b).Dispose();
            result[r] = 2.0 * n * n * n / clock.Elapsed.TotalSeconds / 1e9;
        }
        return result;
    }
}
