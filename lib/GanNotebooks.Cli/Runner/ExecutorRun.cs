namespace GanNotebooks.Cli.Runner;

/// <summary>What one run of the notebook executor process left behind.</summary>
/// <param name="Outcome">Its reported outcome, or null when it ended without one (killed, crashed, did not start).</param>
/// <param name="ExitCode">The process's exit code (-1 when it did not start).</param>
/// <param name="StopRequested">The run was asked to stop (Ctrl-C or SIGTERM reached <c>gan run</c>).</param>
/// <param name="KilledAfterGracePeriod">The executor did not stop in time and was killed with everything it started.</param>
/// <param name="LastLines">The last lines it printed besides its reports (kernel and Python messages).</param>
internal sealed record ExecutorRun(NotebookExecutionOutcome? Outcome, int ExitCode, bool StopRequested, bool KilledAfterGracePeriod,
    IReadOnlyList<string> LastLines);
