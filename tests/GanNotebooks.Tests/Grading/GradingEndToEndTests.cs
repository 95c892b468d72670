using GanNotebooks.Cli.Grading;
using GanNotebooks.Tests.Notebooks;

namespace GanNotebooks.Tests.Grading;

/// <summary>
/// gan grade end to end, through the real kernel (one shared run, <see cref="GradingRun"/>): full marks for the
/// instructor's notebooks, zero for the student versions, the expected partial scores for wrong submissions.
/// </summary>
public sealed class GradingEndToEndTests
{
    private static GradingRun Run => GradingRun.Instance;

    private static void AssertPoints(string student, params (string Task, double Points)[] expected)
    {
        var points = Run.Points(student);
        foreach (var (task, value) in expected)
            Assert.True(points[task] == value,
                $"{student}, {task}: {points[task]} points, expected {value}.\n{Run.Report(student)}\n{Run.Log}");
    }

    [RequiresNotebookKernelFact]
    public void The_instructors_notebooks_score_full_marks()
    {
        AssertPoints("instructor", ("02-losses", 5), ("02-train-step", 4), ("04-shapes", 4), ("05-conditioning", 8));
        Assert.Equal(Run.Student("instructor").Maximum, Run.Student("instructor").Earned);
    }

    [RequiresNotebookKernelFact]
    public void The_student_versions_run_and_score_zero_saying_what_is_not_implemented()
    {
        AssertPoints("student-version", ("02-losses", 0), ("02-train-step", 0), ("04-shapes", 0), ("05-conditioning", 0));
        var report = Run.Report("student-version");
        Assert.Contains("NotImplementedException: Not implemented yet", report);
        Assert.DoesNotContain("failed to run", report);   // the stubs compile: the hidden tests ran and failed
    }

    [RequiresNotebookKernelFact]
    public void An_off_by_sign_generator_loss_fails_the_checks_that_see_G_s_loss_and_forged_results_count_for_nothing()
    {
        AssertPoints("wrong-sign", ("02-losses", 2), ("02-train-step", 2));
        var report = Run.Report("wrong-sign");
        Assert.Contains("G's loss is -", report);
        Assert.DoesNotContain("forged", report);
    }

    [RequiresNotebookKernelFact]
    public void A_detached_generator_output_fails_the_checks_of_G_s_update_only()
    {
        AssertPoints("detached", ("02-losses", 5), ("02-train-step", 2));
        Assert.Contains("G's weights did not change", Run.Report("detached"));
    }

    [RequiresNotebookKernelFact]
    public void A_shape_bug_in_the_upsampling_block_fails_the_shape_check_and_a_missing_notebook_scores_zero()
    {
        AssertPoints("shape-bug", ("04-shapes", 3), ("02-losses", 0), ("02-train-step", 0));
        var report = Run.Report("shape-bug");
        Assert.Contains("expected [3, 4, 14, 14]", report);
        Assert.Contains("not submitted", report);
    }

    [RequiresNotebookKernelFact]
    public void A_discriminator_blind_to_the_label_loses_its_check_and_the_trained_accuracy_but_keeps_the_rest()
    {
        AssertPoints("label-blind", ("05-conditioning", 3));
        var report = Run.Report("label-blind");
        Assert.Contains("D gives the same logits whatever the label", report);
        Assert.Contains("at least 70% is needed", report);
    }

    [RequiresNotebookKernelFact]
    public void An_endless_loop_is_skipped_and_costs_only_its_task()
    {
        AssertPoints("endless-loop", ("02-losses", 5), ("02-train-step", 0));
        var report = Run.Report("endless-loop");
        Assert.Contains("is skipped in run 2", report);
        Assert.Contains("did not finish within 30 s", report);
    }

    [RequiresNotebookKernelFact]
    public void A_submission_cannot_delete_files_or_see_the_hidden_tests_in_the_sandbox_and_without_it_a_deletion_is_reported()
    {
        var report = Run.Report("endless-loop");
        var executed = File.ReadAllText(Run.Student("endless-loop").Notebooks.Single(n => n.Notebook == GradingRun.Notebook02).ExecutedCopy!);
        if (SandboxedKernelSpec.BubblewrapPath is not null)
        {
            Assert.True(File.Exists(Run.Decoy), report);          // hidden: the submission deleted nothing
            Assert.True(File.Exists(Run.OutsideDecoy), report);   // not in the sandbox at all
            Assert.Contains("instructor notebooks visible: 0", executed);
        }
        else
        {
            Assert.Contains($"deleted {Run.Decoy}", report);
        }
    }

    [RequiresNotebookKernelFact]
    public void A_cell_over_the_memory_limit_is_stopped_and_skipped_and_the_hidden_tests_still_run()
    {
        AssertPoints("memory-hog", ("04-shapes", 4));
        var report = Run.Report("memory-hog");
        Assert.Contains("over the memory limit of 4096 MiB; cell 3 is skipped in run 2", report);
    }

    [RequiresNotebookKernelFact]
    public void The_gradebook_has_a_row_per_student_with_each_task_the_total_and_the_maximum()
    {
        var lines = File.ReadAllLines(Run.GradebookPath);
        Assert.Equal("student,02-losses (5),02-train-step (4),04-shapes (4),05-conditioning (8),total,maximum,notes", lines[0]);
        Assert.Equal(12, lines.Length);
        Assert.StartsWith("instructor,5,4,4,8,21,21,", lines.Single(l => l.StartsWith("instructor,", StringComparison.Ordinal)));
        Assert.StartsWith("detached,5,2,0,0,7,21,", lines.Single(l => l.StartsWith("detached,", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(Run.GradebookPath)!, "*.tmp"));
    }
}
