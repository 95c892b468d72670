using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Executes notebooks headlessly through the .NET Interactive kernel (via Jupyter's nbconvert, the engine VS Code
/// and Jupyter use), writes executed copies with their outputs, and stops at the first failure naming the
/// notebook, the cell and the error. nbconvert runs with errors allowed (otherwise it reports only "compilation
/// error"), so each executed notebook's outputs are read for errors.
/// </summary>
public sealed class NotebookRunner(RunnerOptions options, TextWriter log)
{
    /// <summary>Runs <paramref name="notebooks"/> in order; returns 0 when all pass, 1 at the first failure.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> notebooks, CancellationToken cancellation = default)
    {
        var jupyterPath = Path.Combine(options.RepoRoot, "build", "jupyter");
        KernelSpec.Write(jupyterPath);
        Directory.CreateDirectory(options.Output);
        var total = Stopwatch.StartNew();
        for (int i = 0; i < notebooks.Count; i++)
        {
            var name = Path.GetFileName(notebooks[i]);
            log.WriteLine($"[{i + 1}/{notebooks.Count}] {name} (profile {(options.Quick ? "quick" : "full")})");
            var failure = await RunOneAsync(notebooks[i], jupyterPath, cancellation);
            if (failure is not null)
            {
                log.WriteLine($"FAILED {failure}");
                log.WriteLine($"Notebooks: {i} passed, 1 failed ({notebooks.Count - i - 1} not run)");
                return 1;
            }
        }
        log.WriteLine($"All {notebooks.Count} notebooks ran in {Format(total.Elapsed)}; executed copies in {options.Output}");
        log.WriteLine($"Notebooks: {notebooks.Count} passed, 0 failed");
        return 0;
    }

    private async Task<string?> RunOneAsync(string notebook, string jupyterPath, CancellationToken cancellation)
    {
        var name = Path.GetFileName(notebook);
        var codeCells = CountCodeCells(notebook);
        var output = Path.Combine(options.Output, name);
        File.Delete(output);
        var start = new ProcessStartInfo(options.NbconvertCommand)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(notebook))!,
        };
        foreach (var arg in new[]
                 {
                     "--to", "notebook", "--execute", "--allow-errors", "--log-level=DEBUG",
                     $"--ExecutePreprocessor.timeout={(int)options.CellTimeout.TotalSeconds}",
                     $"--ExecutePreprocessor.kernel_name={KernelSpec.Name}",
                     "--output-dir", options.Output, "--output", name, Path.GetFullPath(notebook),
                 })
            start.ArgumentList.Add(arg);
        var existing = Environment.GetEnvironmentVariable("JUPYTER_PATH");
        start.Environment["JUPYTER_PATH"] = string.IsNullOrEmpty(existing) ? jupyterPath : jupyterPath + Path.PathSeparator + existing;
        start.Environment[RunProfile.Variable] = options.Quick ? "quick" : "full";
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("nbconvert did not start");
        }
        catch (Win32Exception)
        {
            return $"{name}: cannot start {options.NbconvertCommand}. Install Jupyter's nbconvert and the kernel's set-up with: sudo environment/setup.sh";
        }
        using var _ = process;
        var watch = Stopwatch.StartNew();
        var tail = new Queue<string>();
        int cell = 0;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        while (await process.StandardError.ReadLineAsync(cancellation) is { } line)
        {
            if (line.Contains("Executing cell:", StringComparison.Ordinal))
            {
                cell++;
                log.WriteLine($"    cell {cell}/{codeCells} started at {Format(watch.Elapsed)}");
            }
            else if (!line.StartsWith("[NbConvertApp] content:", StringComparison.Ordinal) && !line.StartsWith("[NbConvertApp] msg_type:", StringComparison.Ordinal))
            {
                tail.Enqueue(line.Length > 300 ? line[..300] : line);
                if (tail.Count > 15) tail.Dequeue();
            }
        }
        await stdout;
        await process.WaitForExitAsync(cancellation);

        if (!File.Exists(output))
            return $"{name}: nbconvert exited with code {process.ExitCode} without writing a result (kernel crash or cell time-out after {options.CellTimeout.TotalMinutes:0} min?). Last lines:\n  " + string.Join("\n  ", tail);
        var executed = JsonNode.Parse(await File.ReadAllTextAsync(output, cancellation))!;
        var failure = ExecutedNotebookReader.FirstFailure(executed);
        if (failure is not null) return failure.Describe(name) + $"\nThe executed notebook is kept for inspection: {output}";
        if (process.ExitCode != 0)
            return $"{name}: nbconvert exited with code {process.ExitCode}. Last lines:\n  " + string.Join("\n  ", tail);
        int pictures = ExecutedNotebookReader.PictureCount(executed);
        log.WriteLine($"    done in {Format(watch.Elapsed)}: {pictures} pictures -> {output}");
        return options.Check ? CheckExecuted(name, executed, pictures) : null;
    }

    private string? CheckExecuted(string name, JsonNode executed, int pictures)
    {
        if (pictures < options.MinimumPictures)
            return $"{name}: only {pictures} pictures in the executed notebook (expected at least {options.MinimumPictures}).";
        int blank = ExecutedNotebookReader.ChartsWithoutStaticImage(executed);
        if (blank > 0)
            return $"{name}: {blank} interactive charts carry no static image (they would be blank offline).";
        return SampleFileCheck.Check(Path.GetFileNameWithoutExtension(name), log);
    }

    private static int CountCodeCells(string notebook)
    {
        var json = JsonNode.Parse(File.ReadAllText(notebook));
        return (json?["cells"]?.AsArray() ?? []).Count(c => (string?)c?["cell_type"] == "code");
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");
}
