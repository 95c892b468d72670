using System.Diagnostics;
using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Tests.Notebooks;

/// <summary>
/// <c>gan run</c> as a real child process, signalled while a long cell runs: the executor and the kernel it started
/// must be gone within seconds, the partial notebook kept, the exit code non-zero. Processes are found by PID and
/// process group, so nobody else's kernels are touched.
/// </summary>
public sealed class RunnerStopTests
{
    /// <summary>The runner's own worst case: the stop grace period, then the wait for the output pipes (15 s).</summary>
    private static readonly TimeSpan Deadline = RunnerOptions.DefaultStopGracePeriod + RunnerOptions.OutputDrainLimit;

    [RequiresNotebookKernelFact]
    public void Ctrl_C_stops_the_kernel_keeps_the_partial_notebook_and_exits_non_zero() =>
        StopsEverything(ProcessSignals.Interrupt, expectedExitCode: NotebookRunner.StoppedExitCode, "Ctrl-C");

    [RequiresNotebookKernelFact]
    public void SIGTERM_stops_the_kernel_keeps_the_partial_notebook_and_exits_non_zero() =>
        StopsEverything(ProcessSignals.Terminate, expectedExitCode: NotebookRunner.StoppedExitCode, "SIGTERM");

    [RequiresNotebookKernelFact]
    public void Killing_the_runner_outright_still_ends_the_kernel_and_keeps_the_partial_notebook() =>
        StopsEverything(ProcessSignals.Kill, expectedExitCode: 128 + ProcessSignals.Kill, "the runner exited");

    private static void StopsEverything(int signal, int expectedExitCode, string reasonInNotebook)
    {
        using var scratch = new ScratchNotebooks();
        var notebook = scratch.Write("long-cell",
            "Console.WriteLine(\"before the long cell \" + (6 * 7));",
            "System.Threading.Thread.Sleep(600_000);",
            "Console.WriteLine(\"never printed\");");
        using var runner = new RunnerProcess(scratch, [notebook]);
        runner.WaitForLine("cell 3 (code cell 2/3) started");
        Thread.Sleep(500);   // the cell is now running in the kernel

        var tree = ProcessTable.Descendants(runner.Pid);
        var groups = ProcessTable.OtherGroups(tree);
        Assert.True(tree.Count >= 2, $"expected the executor and the kernel under the runner, found {tree.Count} processes");
        Assert.NotEmpty(groups);   // the kernel runs in a session of its own

        var clock = Stopwatch.StartNew();
        Assert.True(ProcessSignals.Send(runner.Pid, signal));
        Assert.True(runner.WaitForExit(Deadline), $"gan run still running {Deadline} after signal {signal}:\n{runner.Output}");
        var left = ProcessTable.WaitUntilGone(tree, groups, Deadline - clock.Elapsed);
        Assert.True(left.Count == 0, $"still running {clock.Elapsed} after signal {signal}: " +
            string.Join(", ", left.Select(p => $"pid {p.Pid} (group {p.ProcessGroup}, state {p.State})")) + "\n" + runner.Output);

        Assert.Equal(expectedExitCode, runner.ExitCode);
        var partial = scratch.ReadOutput("long-cell.partial.ipynb");
        Assert.Contains("before the long cell 42", partial["cells"]![1]!["outputs"]!.ToJsonString());
        var marker = partial["cells"]![2]!["metadata"]!["gan_runner"]!;
        Assert.Equal("stopped", (string?)marker["status"]);
        Assert.Contains($"the run was stopped ({reasonInNotebook}) while cell 3 was running", (string?)marker["message"]);
        if (signal != ProcessSignals.Kill)
            Assert.Contains("STOPPED long-cell.ipynb: the run was stopped", runner.Output);
    }
}
