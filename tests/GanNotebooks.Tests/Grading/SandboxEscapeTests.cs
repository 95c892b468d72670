using GanNotebooks.Tests.Notebooks;

namespace GanNotebooks.Tests.Grading;

/// <summary>
/// The ways out of <c>gan grade</c>'s sandbox that a submitted notebook tried, each closed: the escaper's probes
/// (<see cref="GradingRun.EscapeFindings"/>) run in the shared grading run, through the real kernel and sandbox.
/// </summary>
public sealed class SandboxEscapeTests
{
    private static GradingRun Run => GradingRun.Instance;

    private static string Finding(string probe)
    {
        var findings = Run.EscapeFindings();
        Assert.True(findings.ContainsKey(probe), $"the probe {probe} printed nothing:\n{string.Join("\n", findings)}\n{Run.Report("escaper")}");
        return findings[probe];
    }

    [RequiresGradingSandboxFact]
    public void Graded_code_reaches_no_server_on_the_host_s_loopback()
    {
        Assert.StartsWith("refused", Finding("host-port"));
    }

    [RequiresGradingSandboxFact]
    public void Graded_code_has_no_network_but_its_own_loopback()
    {
        Assert.Equal("lo", Finding("interfaces"));
    }

    [RequiresGradingSandboxFact]
    public void The_instructor_s_notebooks_the_repository_its_history_and_other_submissions_are_not_there()
    {
        foreach (var probe in new[] { "instructor-notebooks", "git", "artifacts", "submissions" })
            Assert.True(Finding(probe) == "False", $"{probe}: {Finding(probe)}");
    }

    [RequiresGradingSandboxFact]
    public void Graded_code_runs_as_an_unprivileged_user_and_cannot_read_root_s_files()
    {
        Assert.StartsWith("refused", Finding("shadow"));
        Assert.NotEqual("0", Finding("uid"));
    }

    [RequiresNotebookKernelFact]
    public void Grader_messages_printed_by_the_submission_change_nothing()
    {
        Assert.Equal("written", Finding("forged-report"));
        Assert.DoesNotContain("424242", Run.Log);   // the forged "@gan cell-start 424242" reached no report
        Assert.DoesNotContain("forged by the submission", Run.Log);
        // The hidden tests ran after the forged "outcome": the escaper's correct task cells earn their points.
        Assert.Equal(5, Run.Points("escaper")["02-losses"]);
        Assert.Equal(4, Run.Points("escaper")["02-train-step"]);
    }

    [RequiresNotebookKernelFact]
    public void A_notebook_that_is_a_link_to_another_file_is_refused_not_graded()
    {
        Assert.Equal(0, Run.Points("linked")["02-losses"]);
        Assert.Contains("is a symbolic link, not a notebook file", Run.Report("linked"));
    }

    [RequiresNotebookKernelFact]
    public void A_name_that_a_spreadsheet_would_run_is_written_as_text()
    {
        var row = File.ReadAllLines(Run.GradebookPath).Single(l => l.Contains("1+2", StringComparison.Ordinal));
        Assert.StartsWith("\"'=1+2\",", row);
    }
}
