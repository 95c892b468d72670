using System.Diagnostics;
using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Tests.Notebooks;

/// <summary>
/// <c>gan run</c> as a real child process on notebooks that set their own time limits in their metadata: a notebook
/// over its whole-notebook limit, a notebook's own cell limit, command-line options that override both, and invalid
/// metadata. Processes are found by PID and process group, so nobody else's kernels are touched.
/// </summary>
public sealed class NotebookRunnerLimitTests
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(90);

    private static string Outputs(JsonNode notebook, int cellNumber) => notebook["cells"]![cellNumber - 1]!["outputs"]!.ToJsonString();

    [RequiresNotebookKernelFact]
    public void A_notebook_over_its_own_time_limit_stops_in_the_running_cell_keeps_the_cells_before_it_and_leaves_no_kernel()
    {
        using var scratch = new ScratchNotebooks();
        var notebook = scratch.WriteWithRunnerSettings("limited", new JsonObject { ["notebook_timeout"] = "15s" },
            "Console.WriteLine(\"first \" + (6 * 7));",
            "Console.WriteLine(\"second \" + (40 + 2));",
            "System.Threading.Thread.Sleep(600_000);",
            "Console.WriteLine(\"never printed\");");
        using var runner = new RunnerProcess(scratch, [notebook]);
        runner.WaitForLine("limits: 30 min a cell, 15 s the notebook; from its metadata: notebook_timeout)");
        runner.WaitForLine("cell 4 (code cell 3/4) started");
        Thread.Sleep(500);   // the long cell is now running in the kernel
        var tree = ProcessTable.Descendants(runner.Pid);
        var groups = ProcessTable.OtherGroups(tree);
        Assert.True(tree.Count >= 2, $"expected the executor and the kernel under the runner, found {tree.Count} processes");
        Assert.NotEmpty(groups);   // the kernel runs in a session of its own

        var clock = Stopwatch.StartNew();
        Assert.True(runner.WaitForExit(RunDeadline), $"gan run still running {RunDeadline} into the long cell:\n{runner.Output}");
        var stoppedAfter = clock.Elapsed;
        var left = ProcessTable.WaitUntilGone(tree, groups, TimeSpan.FromSeconds(15));
        Assert.True(left.Count == 0, "still running after the notebook's limit: " +
            string.Join(", ", left.Select(p => $"pid {p.Pid} (group {p.ProcessGroup}, state {p.State})")) + "\n" + runner.Output);

        Assert.True(runner.ExitCode == 1, $"exit code {runner.ExitCode}:\n{runner.Output}");   // a failure, not a stop
        Assert.True(stoppedAfter < TimeSpan.FromSeconds(30), $"the run ended {stoppedAfter} into the long cell");
        Assert.Contains("FAILED limited.ipynb: stopped after 15 s, the notebook's time limit, while running cell 4 "
            + "(\"System.Threading.Thread.Sleep(600_000);\").", runner.Output);
        Assert.Contains("The limit of 15 s is set by \"gan\": {\"notebook_timeout\": …} in the notebook's metadata; "
            + "to allow the notebook longer, raise it there or override it with gan run --notebook-timeout", runner.Output);
        Assert.DoesNotContain("STOPPED", runner.Output);
        Assert.False(File.Exists(Path.Combine(scratch.Output, "limited.ipynb")));

        var partial = scratch.ReadOutput("limited.partial.ipynb");
        Assert.Contains("first 42", Outputs(partial, 2));
        Assert.Contains("second 42", Outputs(partial, 3));
        var marked = partial["cells"]![3]!;
        Assert.Equal("notebook-timed-out", (string?)marked["metadata"]!["gan_runner"]!["status"]);
        var error = marked["outputs"]!.AsArray().Single(o => (string?)o!["output_type"] == "error")!;
        Assert.Equal("NotebookTimedOut", (string?)error["ename"]);
        Assert.Equal("stopped after 15 s, the notebook's time limit, while running cell 4", (string?)error["evalue"]);
        Assert.Empty(partial["cells"]![4]!["outputs"]!.AsArray());
        Assert.Equal(2, (int?)partial["metadata"]!["gan_runner"]!["cells_done"]);
        Assert.Equal(15, (int?)partial["metadata"]!["gan_runner"]!["notebook_timeout_seconds"]);
    }

    [RequiresNotebookKernelFact]
    public void A_notebooks_own_cell_limit_replaces_the_default_when_the_command_line_gives_none()
    {
        using var scratch = new ScratchNotebooks();
        var notebook = scratch.WriteWithRunnerSettings("own-cell-limit", new JsonObject { ["cell_timeout"] = "5s" },
            "Console.WriteLine(\"before the sleep \" + (6 * 7));",
            "System.Threading.Thread.Sleep(600_000);");
        using var runner = new RunnerProcess(scratch, [notebook]);

        Assert.True(runner.WaitForExit(RunDeadline), $"gan run still running after {RunDeadline}:\n{runner.Output}");

        Assert.True(runner.ExitCode == 1, $"exit code {runner.ExitCode}:\n{runner.Output}");
        Assert.Contains("limits: 5 s a cell, no limit for the notebook; from its metadata: cell_timeout)", runner.Output);
        Assert.Contains("FAILED own-cell-limit.ipynb: cell 3 timed out after 5 s.", runner.Output);
        Assert.Contains("The limit of 5 s is set by \"gan\": {\"cell_timeout\": …} in the notebook's metadata", runner.Output);
        Assert.Contains("before the sleep 42", Outputs(scratch.ReadOutput("own-cell-limit.partial.ipynb"), 2));
    }

    [RequiresNotebookKernelFact]
    public void Limits_given_on_the_command_line_win_over_the_notebooks_own()
    {
        using var scratch = new ScratchNotebooks();
        var notebook = scratch.WriteWithRunnerSettings("overridden", new JsonObject { ["cell_timeout"] = "3s", ["notebook_timeout"] = "3s" },
            "Console.WriteLine(\"before \" + (6 * 7));",
            "System.Threading.Thread.Sleep(6_000);",
            "Console.WriteLine(\"after \" + (40 + 2));");
        using var runner = new RunnerProcess(scratch, [notebook], "--cell-timeout", "2m", "--notebook-timeout", "5m");

        Assert.True(runner.WaitForExit(RunDeadline), $"gan run still running after {RunDeadline}:\n{runner.Output}");

        Assert.True(runner.ExitCode == 0, $"exit code {runner.ExitCode}:\n{runner.Output}");
        Assert.Contains("limits: 2 min a cell, 5 min the notebook)", runner.Output);
        var executed = scratch.ReadOutput("overridden.ipynb");
        Assert.Contains("after 42", Outputs(executed, 4));
        Assert.False(File.Exists(Path.Combine(scratch.Output, "overridden.partial.ipynb")));
    }

    [Fact]
    public void An_invalid_limit_in_a_notebooks_metadata_names_the_notebook_the_key_and_the_syntax_before_anything_runs()
    {
        using var scratch = new ScratchNotebooks();
        var valid = scratch.WriteWithRunnerSettings("valid", new JsonObject { ["cell_timeout"] = "20m" }, "Console.WriteLine(42);");
        var invalid = scratch.WriteWithRunnerSettings("invalid", new JsonObject { ["notebook_timeout"] = "soon" }, "Console.WriteLine(42);");
        using var runner = new RunnerProcess(scratch, [valid, invalid]);

        Assert.True(runner.WaitForExit(RunDeadline), $"gan run still running after {RunDeadline}:\n{runner.Output}");

        Assert.True(runner.ExitCode == NotebookRunner.InvalidLimitsExitCode, $"exit code {runner.ExitCode}:\n{runner.Output}");
        Assert.Contains("INVALID invalid.ipynb: metadata gan.notebook_timeout: 'soon' is not a duration between 1 s and 7 days: "
            + "give minutes (30), or seconds, minutes or hours with a unit (90s, 45m, 2h).", runner.Output);
        Assert.Contains("Nothing was run.", runner.Output);
        Assert.DoesNotContain("[1/2]", runner.Output);   // the valid notebook before it did not start either
        Assert.False(Directory.Exists(scratch.Output) && Directory.EnumerateFileSystemEntries(scratch.Output).Any(),
            $"the runner wrote into {scratch.Output}");
    }
}
