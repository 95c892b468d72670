using System.Diagnostics;
using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Tests.Notebooks;

/// <summary>Real notebooks through the real kernel: complete runs, cells over the time limit, kernels that die.</summary>
public sealed class NotebookRunnerTests
{
    private static (int ExitCode, string Log, TimeSpan Elapsed) Run(ScratchNotebooks scratch, string notebook, TimeSpan cellTimeout)
    {
        var options = new RunnerOptions { RepoRoot = scratch.RepoRoot, OutputDirectory = scratch.Output, CellTimeout = cellTimeout };
        var log = new StringWriter();
        var clock = Stopwatch.StartNew();
        var exitCode = new NotebookRunner(options, log).RunAsync([notebook]).GetAwaiter().GetResult();
        return (exitCode, log.ToString(), clock.Elapsed);
    }

    private static JsonArray Cells(JsonNode notebook) => notebook["cells"]!.AsArray();

    private static string Outputs(JsonNode notebook, int cellNumber) =>
        Cells(notebook)[cellNumber - 1]!["outputs"]!.ToJsonString();

    [RequiresNotebookKernelFact]
    public void A_notebook_that_runs_through_is_written_under_its_own_name_with_every_output()
    {
        using var scratch = new ScratchNotebooks();
        var notebook = scratch.Write("complete", "Console.WriteLine(\"first \" + (6 * 7));", "Console.WriteLine(\"second \" + (40 + 2));");

        var (exitCode, log, _) = Run(scratch, notebook, TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, log);
        Assert.Contains("Notebooks: 1 passed, 0 failed", log);
        var executed = scratch.ReadOutput("complete.ipynb");
        Assert.Contains("first 42", Outputs(executed, 2));
        Assert.Contains("second 42", Outputs(executed, 3));
        Assert.Equal(2, (int?)Cells(executed)[2]!["execution_count"]);
        Assert.False(File.Exists(Path.Combine(scratch.Output, "complete.partial.ipynb")));
        Assert.Null(executed["metadata"]!["gan_runner"]);
        Assert.Empty(Directory.GetFiles(scratch.Output, "*.tmp"));
    }

    [RequiresNotebookKernelFact]
    public void A_cell_over_the_time_limit_ends_the_run_and_the_partial_notebook_keeps_the_cells_before_it()
    {
        using var scratch = new ScratchNotebooks();
        var notebook = scratch.Write("sleeper",
            "Console.WriteLine(\"before the sleep \" + (6 * 7));",
            "System.Threading.Thread.Sleep(600_000);",
            "Console.WriteLine(\"never printed\");");

        var (exitCode, log, elapsed) = Run(scratch, notebook, TimeSpan.FromSeconds(10));

        Assert.Equal(1, exitCode);
        Assert.Contains("FAILED sleeper.ipynb: cell 3 timed out after 10 s.", log);
        Assert.Contains("Cell 3: \"System.Threading.Thread.Sleep(600_000);\"", log);
        var partialPath = Path.Combine(scratch.Output, "sleeper.partial.ipynb");
        Assert.Contains($"is kept: {partialPath}", log);
        Assert.True(elapsed < TimeSpan.FromSeconds(90), $"the run took {elapsed}");   // not the 600 s of the sleep
        Assert.False(File.Exists(Path.Combine(scratch.Output, "sleeper.ipynb")));

        var partial = scratch.ReadOutput("sleeper.partial.ipynb");
        Assert.Contains("before the sleep 42", Outputs(partial, 2));
        Assert.Equal(1, (int?)Cells(partial)[1]!["execution_count"]);
        var marked = Cells(partial)[2]!;
        Assert.Equal("timed-out", (string?)marked["metadata"]!["gan_runner"]!["status"]);
        var error = marked["outputs"]!.AsArray().Single(o => (string?)o!["output_type"] == "error")!;
        Assert.Equal("CellTimedOut", (string?)error["ename"]);
        Assert.Equal("cell 3 timed out after 10 s", (string?)error["evalue"]);
        Assert.Empty(Cells(partial)[3]!["outputs"]!.AsArray());
        Assert.Equal(3, (int?)partial["metadata"]!["gan_runner"]!["cell"]);
        Assert.Equal(1, (int?)partial["metadata"]!["gan_runner"]!["cells_done"]);
    }

    [RequiresNotebookKernelFact]
    public void A_failing_cell_ends_the_run_there_and_the_partial_notebook_keeps_it_with_its_error()
    {
        using var scratch = new ScratchNotebooks();
        var marker = Path.Combine(scratch.Output, "later-cell-ran.txt");
        var notebook = scratch.Write("fails",
            "Console.WriteLine(\"before the failure \" + (6 * 7));",
            "throw new InvalidOperationException(\"the second cell fails\");",
            $"System.IO.File.WriteAllText({System.Text.Json.JsonSerializer.Serialize(marker)}, \"x\");");

        var (exitCode, log, _) = Run(scratch, notebook, TimeSpan.FromMinutes(2));

        Assert.Equal(1, exitCode);
        Assert.Contains("the second cell fails", log);
        Assert.Contains("The cells after it were not run.", log);
        Assert.False(File.Exists(marker), "a cell after the failing one ran");
        Assert.False(File.Exists(Path.Combine(scratch.Output, "fails.ipynb")));
        var partial = scratch.ReadOutput("fails.partial.ipynb");
        Assert.Contains("before the failure 42", Outputs(partial, 2));
        Assert.Contains("the second cell fails", Outputs(partial, 3));
        Assert.Equal("cell-failed", (string?)Cells(partial)[2]!["metadata"]!["gan_runner"]!["status"]);
        Assert.Empty(Cells(partial)[3]!["outputs"]!.AsArray());
        Assert.Contains($"is kept: {Path.Combine(scratch.Output, "fails.partial.ipynb")}", log);
    }

    [RequiresNotebookKernelFact]
    public void A_cell_that_exits_the_kernel_is_reported_with_the_kernels_exit_code_and_the_partial_notebook_is_kept()
    {
        using var scratch = new ScratchNotebooks();
        var notebook = scratch.Write("exits",
            "Console.WriteLine(\"still alive \" + (6 * 7));",
            "System.Environment.Exit(3);",
            "Console.WriteLine(\"never printed\");");

        var (exitCode, log, _) = Run(scratch, notebook, TimeSpan.FromMinutes(2));

        Assert.Equal(1, exitCode);
        Assert.Contains("FAILED exits.ipynb: the kernel died while running cell 3 (exit code 3).", log);
        Assert.Contains("Cell 3: \"System.Environment.Exit(3);\"", log);
        var partial = scratch.ReadOutput("exits.partial.ipynb");
        Assert.Contains("still alive 42", Outputs(partial, 2));
        Assert.Equal("kernel-died", (string?)Cells(partial)[2]!["metadata"]!["gan_runner"]!["status"]);
        Assert.Contains("KernelDied", Outputs(partial, 3));
        Assert.False(File.Exists(Path.Combine(scratch.Output, "exits.ipynb")));
    }

    [RequiresNotebookKernelFact]
    public void A_kernel_killed_by_a_signal_is_reported_with_the_signal()
    {
        using var scratch = new ScratchNotebooks();
        var notebook = scratch.Write("killed",
            "Console.WriteLine(\"still alive \" + (6 * 7));",
            "System.Diagnostics.Process.GetCurrentProcess().Kill();",
            "Console.WriteLine(\"never printed\");");

        var (exitCode, log, _) = Run(scratch, notebook, TimeSpan.FromMinutes(2));

        Assert.Equal(1, exitCode);
        Assert.Contains("FAILED killed.ipynb: the kernel died while running cell 3 (", log);
        Assert.Matches(@"cell 3 \((killed by signal SIGKILL|exit code 137, which means killed by SIGKILL)\)\.", log);
        Assert.Contains("still alive 42", Outputs(scratch.ReadOutput("killed.partial.ipynb"), 2));
    }
}
