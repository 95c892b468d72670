using System.ComponentModel;
using System.Diagnostics;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Runs the notebook executor (<c>execute_notebook.py</c>, Python's nbclient) on one notebook: logs each cell as it
/// starts, keeps the last lines it prints, and on cancellation asks it to stop (with <paramref name="stopSignal"/>,
/// the signal <c>gan run</c> received). An executor that has not
/// stopped after <see cref="RunnerOptions.StopGracePeriod"/> is killed with its whole process tree and its kernel's
/// process group.
/// </summary>
internal sealed class NotebookExecutor(RunnerOptions options, TextWriter log, Func<int> stopSignal)
{
    /// <summary>The executor script, copied beside gan.dll at build time.</summary>
    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Runner", "execute_notebook.py");

    public async Task<ExecutorRun> RunAsync(string notebook, NotebookLimits limits, string jupyterPath, IReadOnlyList<int> codeCells,
        CancellationToken cancellation)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebook))!;
        var start = new ProcessStartInfo(options.PythonCommand)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[]
                 {
                     ScriptPath, "--notebook", Path.GetFullPath(notebook), "--output-dir", options.Output,
                     "--kernel", KernelSpec.Name, "--cell-timeout", WholeSeconds(limits.CellTimeout), "--cwd", folder,
                 })
            start.ArgumentList.Add(arg);
        foreach (var arg in options.ExecutorArguments)
            start.ArgumentList.Add(arg);
        if (limits.NotebookTimeout is { } whole)
        {
            start.ArgumentList.Add("--notebook-timeout");
            start.ArgumentList.Add(WholeSeconds(whole));
        }
        var existing = Environment.GetEnvironmentVariable("JUPYTER_PATH");
        start.Environment["JUPYTER_PATH"] = string.IsNullOrEmpty(existing) ? jupyterPath : jupyterPath + Path.PathSeparator + existing;
        start.Environment[RunProfile.Variable] = options.Quick ? "quick" : "full";
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        foreach (var (name, value) in options.KernelEnvironment)
            start.Environment[name] = value;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("not started");
        }
        catch (Win32Exception e)
        {
            return new ExecutorRun(null, -1, false, false, [$"cannot start {options.PythonCommand}: {e.Message}"]);
        }
        using var _ = process;
        var reports = new ExecutorReports(log, codeCells);
        var stdout = PumpAsync(process.StandardOutput, reports.Read);
        var stderr = PumpAsync(process.StandardError, reports.Keep);
        using var exited = new CancellationTokenSource();
        Task stopping = Task.CompletedTask;
        bool stopRequested = false, killed = false;
        using (cancellation.Register(() =>
               {
                   stopRequested = true;
                   stopping = StopAsync(process, reports, () => killed = true, exited.Token);
               }))
        {
            await process.WaitForExitAsync(CancellationToken.None);
        }
        exited.Cancel();
        await stopping;
        // The kernel inherits the executor's output pipes: a kernel left running would keep them open.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(RunnerOptions.OutputDrainLimit));
        if (reports.Outcome is null && reports.KernelProcessGroup > 1)
            TryKillGroup(reports.KernelProcessGroup);
        return new ExecutorRun(reports.Outcome, process.ExitCode, stopRequested, killed, reports.LastLines);
    }

    private async Task StopAsync(Process process, ExecutorReports reports, Action markKilled, CancellationToken exited)
    {
        try
        {
            ProcessSignals.Send(process.Id, stopSignal());
            await Task.Delay(options.StopGracePeriod, exited);
        }
        catch (OperationCanceledException)
        {
            return;   // it stopped in time
        }
        catch (InvalidOperationException)
        {
            return;   // it had already exited
        }
        markKilled();
        log.WriteLine($"    the executor did not stop within {options.StopGracePeriod.TotalSeconds:0} s; killing it and its kernel");
        if (reports.KernelProcessGroup > 1)
            TryKillGroup(reports.KernelProcessGroup);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }
    }

    private static void TryKillGroup(int processGroup)
    {
        try
        {
            ProcessSignals.SendToGroup(processGroup, ProcessSignals.Kill);
        }
        catch (ArgumentException)
        {
            // never our own group
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> handle)
    {
        while (await reader.ReadLineAsync() is { } line)
            handle(line);
    }

    private static string WholeSeconds(TimeSpan t) => Math.Max(1, (long)Math.Ceiling(t.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
