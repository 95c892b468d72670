using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Executes notebooks headlessly through the .NET Interactive kernel (with Python's nbclient, the engine behind
/// Jupyter's nbconvert, driven by the kit's <c>execute_notebook.py</c>), writes executed copies with their outputs,
/// and stops at the first failure naming the notebook, the cell and the error. Cells run with errors allowed
/// (otherwise the kernel reports only "compilation error"); the executor ends the run at the first cell whose output is
/// an error, and the runner reads that error from the kept partial notebook.
/// A run that ends early (a cell over its time limit, a notebook over its own, a dead kernel, Ctrl-C) keeps the cells
/// executed so far in <c>&lt;name&gt;.partial.ipynb</c> beside the executed copies, with the cell that was running
/// marked. Each notebook's limits (<see cref="NotebookLimitsReader"/>) are read before any notebook runs.
/// </summary>
public sealed class NotebookRunner(RunnerOptions options, TextWriter log)
{
    /// <summary>The exit code of a run stopped by Ctrl-C or SIGTERM.</summary>
    public const int StoppedExitCode = 130;

    /// <summary>The exit code when a notebook's metadata holds an invalid limit: nothing was run.</summary>
    public const int InvalidLimitsExitCode = 2;

    private Func<int> _stopSignal = () => ProcessSignals.Terminate;

    /// <summary>The file a run that ended early leaves for <paramref name="notebook"/>: <c>&lt;name&gt;.partial.ipynb</c>.</summary>
    public static string PartialNotebookName(string notebook) => Path.GetFileNameWithoutExtension(notebook) + ".partial.ipynb";

    /// <summary>
    /// Runs <paramref name="notebooks"/> in order; returns 0 when all pass, 1 at the first failure (a notebook over
    /// its time limit included), <see cref="StoppedExitCode"/> when <paramref name="cancellation"/> stops the run (the
    /// kernel is shut down), and <see cref="InvalidLimitsExitCode"/>, before anything runs, when a notebook's
    /// metadata sets an invalid limit.
    /// </summary>
    /// <param name="notebooks">The notebook files.</param>
    /// <param name="cancellation">Stops the run: the executor saves the partial notebook and shuts the kernel down.</param>
    /// <param name="stopSignal">The signal passed on to the executor on cancellation (default SIGTERM), e.g. <see cref="StopSignalListener.Received"/>.</param>
    public async Task<int> RunAsync(IReadOnlyList<string> notebooks, CancellationToken cancellation = default, Func<int>? stopSignal = null)
    {
        _stopSignal = stopSignal ?? (() => ProcessSignals.Terminate);
        var limits = new NotebookLimits[notebooks.Count];
        for (int i = 0; i < notebooks.Count; i++)
        {
            if (NotebookLimitsReader.Read(notebooks[i], options, out var error) is not { } read)
            {
                log.WriteLine($"INVALID {error}");
                log.WriteLine("Nothing was run.");
                return InvalidLimitsExitCode;
            }
            limits[i] = read;
        }
        var jupyterPath = Path.Combine(options.RepoRoot, "build", "jupyter");
        KernelSpec.Write(jupyterPath);
        Directory.CreateDirectory(options.Output);
        var total = Stopwatch.StartNew();
        for (int i = 0; i < notebooks.Count; i++)
        {
            var name = Path.GetFileName(notebooks[i]);
            log.WriteLine($"[{i + 1}/{notebooks.Count}] {name} (profile {(options.Quick ? "quick" : "full")}; limits: {limits[i].Summary})");
            var (failure, stopped) = await RunOneAsync(notebooks[i], limits[i], jupyterPath, cancellation);
            if (failure is not null)
            {
                log.WriteLine($"{(stopped ? "STOPPED" : "FAILED")} {failure}");
                log.WriteLine($"Notebooks: {i} passed, 1 failed ({notebooks.Count - i - 1} not run)");
                return stopped ? StoppedExitCode : 1;
            }
        }
        log.WriteLine($"All {notebooks.Count} notebooks ran in {Format(total.Elapsed)}; executed copies in {options.Output}");
        log.WriteLine($"Notebooks: {notebooks.Count} passed, 0 failed");
        return 0;
    }

    private async Task<(string? Failure, bool Stopped)> RunOneAsync(string notebook, NotebookLimits limits, string jupyterPath,
        CancellationToken cancellation)
    {
        var name = Path.GetFileName(notebook);
        var output = Path.Combine(options.Output, Path.GetFileNameWithoutExtension(name) + ".ipynb");
        var partial = Path.Combine(options.Output, PartialNotebookName(name));
        File.Delete(output);
        File.Delete(partial);
        if (!File.Exists(NotebookExecutor.ScriptPath))
            return ($"{name}: the notebook executor {NotebookExecutor.ScriptPath} is missing. Rebuild the command line: ./gan build, then ./gan run.", false);
        var watch = Stopwatch.StartNew();
        // The run ends at the first failing cell (as nbconvert's does), keeping the cells before it.
        var executorOptions = options with { ExecutorArguments = [.. options.ExecutorArguments, "--stop-on-error"] };
        var run = await new NotebookExecutor(executorOptions, log, _stopSignal).RunAsync(notebook, limits, jupyterPath, CodeCellNumbers(notebook), cancellation);
        var stopped = run.StopRequested || run.Outcome?.Status == "stopped";

        if (run.Outcome is not { } outcome)
            return (Unfinished(name, run, partial), stopped);
        if (!outcome.Completed)
            return (EndedEarly(name, outcome, limits, partial, run), stopped);
        if (!File.Exists(output))
            return ($"{name}: the executor reported success but wrote no {output}." + LastLines(run), stopped);

        JsonObject executed;
        try
        {
            executed = NotebookFile.Parse(await File.ReadAllTextAsync(output, CancellationToken.None), output);
        }
        catch (FormatException e)
        {
            return ($"{name}: the executed copy cannot be read: {e.Message}", stopped);
        }
        var failure = ExecutedNotebookReader.FirstFailure(executed);
        if (failure is not null) return (failure.Describe(name) + $"\nThe executed notebook is kept for inspection: {output}", stopped);
        int pictures = ExecutedNotebookReader.PictureCount(executed);
        log.WriteLine($"    done in {Format(watch.Elapsed)}: {pictures} pictures -> {output}");
        return (options.Check ? CheckExecuted(name, executed, pictures) : null, stopped);
    }

    private static string EndedEarly(string name, NotebookExecutionOutcome outcome, NotebookLimits limits, string partial, ExecutorRun run)
    {
        JsonNode? kept = ReadKept(partial);
        if (outcome.Status == "cell-failed" && kept is not null && ExecutedNotebookReader.FirstFailure(kept) is { } failed)
            return failed.Describe(name) + "\n  The cells after it were not run."
                + $"\nThe partially executed notebook ({outcome.CellsDone} code cell{(outcome.CellsDone == 1 ? "" : "s")} run, with their outputs) is kept: {partial}";
        var cellLine = kept is not null && outcome.CellNumber is int cell ? ExecutedNotebookReader.CellFirstLine(kept, cell) : null;
        var text = new StringBuilder($"{name}: {outcome.Message}");
        if (outcome.Status == "notebook-timed-out")
        {
            // "stopped after 10 min, the notebook's time limit, while running cell 19 ("var live = …")."
            text.Append(cellLine is not null ? $" (\"{cellLine}\")." : ".");
            text.Append($"\n  {limits.NotebookLimitAdvice()}");
        }
        else
        {
            text.Append('.');
            if (cellLine is not null)
                text.Append($"\n  Cell {outcome.CellNumber}: \"{cellLine}\"");
        }
        if (outcome.Status == "timed-out")
            text.Append($"\n  {limits.CellLimitAdvice()}");
        if (outcome.Status is "failed")
            text.Append(LastLines(run));
        if (kept is not null && ExecutedNotebookReader.FirstFailure(kept) is { } earlier && earlier.CellNumber < (outcome.CellNumber ?? int.MaxValue))
            text.Append($"\n  An earlier cell had failed too: {earlier.Describe(name)}");
        text.Append(kept is not null
            ? $"\nThe partially executed notebook ({outcome.CellsDone} code cell{(outcome.CellsDone == 1 ? "" : "s")} run, with their outputs"
              + (outcome.CellNumber is int marked ? $"; cell {marked} is marked" : "") + $") is kept: {partial}"
            : $"\nNo partial notebook was written ({partial} is missing).");
        return text.ToString();
    }

    private string Unfinished(string name, ExecutorRun run, string partial)
    {
        var what = run.ExitCode == -1 ? $"the notebook executor could not be started ({options.PythonCommand})"
            : run.KilledAfterGracePeriod ? $"the run was stopped, and the notebook executor was killed with its kernel after not stopping within {options.StopGracePeriod.TotalSeconds:0} s"
            : $"the notebook executor ended with exit code {run.ExitCode} without a result";
        var fix = run.ExitCode is -1 or 2 && !run.StopRequested
            ? "\n  The runner needs Debian's python3-nbclient and python3-nbformat: environment/setup.sh (or ./gan run, which runs it)" : "";
        var kept = File.Exists(partial) ? $"\nThe cells executed before that are kept: {partial}" : "";
        return $"{name}: {what}.{fix}{LastLines(run)}{kept}";
    }

    private static string LastLines(ExecutorRun run) =>
        run.LastLines.Count == 0 ? "" : "\n  Last lines:\n    " + string.Join("\n    ", run.LastLines);

    private string? CheckExecuted(string name, JsonNode executed, int pictures)
    {
        if (pictures < options.MinimumPictures)
            return $"{name}: only {pictures} pictures in the executed notebook (expected at least {options.MinimumPictures}).";
        int blank = ExecutedNotebookReader.ChartsWithoutStaticImage(executed);
        if (blank > 0)
            return $"{name}: {blank} interactive charts carry no static image (they would be blank offline).";
        return SampleFileCheck.Check(Path.GetFileNameWithoutExtension(name), log);
    }

    private static List<int> CodeCellNumbers(string notebook)
    {
        var cells = ReadKept(notebook)?["cells"]?.AsArray() ?? [];
        var numbers = new List<int>();
        for (int i = 0; i < cells.Count; i++)
            if ((string?)cells[i]?["cell_type"] == "code" && ExecutedNotebookReader.JoinText(cells[i]?["source"]).Trim().Length > 0)
                numbers.Add(i + 1);
        return numbers;
    }

    /// <summary>A notebook the runner wrote or already checked, or null when it is missing or unreadable.</summary>
    private static JsonObject? ReadKept(string path)
    {
        try
        {
            return File.Exists(path) ? NotebookFile.Parse(File.ReadAllText(path), path) : null;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");
}
