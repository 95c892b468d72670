using System.Text.Json.Nodes;
using GanNotebooks.Cli.Grading;
using GanNotebooks.Cli.Runner;
using GanNotebooks.IO;

namespace GanNotebooks.Tests.Grading;

public sealed class AssignmentNotebookTests
{
    private static string Notebooks => Path.Combine(KitPaths.FindRepoRoot(AppContext.BaseDirectory)!, "notebooks");

    [Theory]
    [InlineData("02-vanilla-gan.ipynb", 3, "02-losses:5", "02-train-step:4")]
    [InlineData("04-dcgan.ipynb", 2, "04-shapes:4")]
    [InlineData("05-conditional-gan.ipynb", 3, "05-conditioning:8")]
    public void The_series_assignments_declare_their_regions_and_tasks(string name, int regions, params string[] tasks)
    {
        var assignment = AssignmentNotebook.Load(Path.Combine(Notebooks, name));

        Assert.Equal(regions, assignment.SolutionRegionCount);
        Assert.Equal(tasks, assignment.Tasks.Select(t => $"{t.Task}:{t.Points}"));
    }

    [Fact]
    public void The_student_version_has_stubs_instead_of_solutions_no_hidden_tests_and_no_outputs()
    {
        var assignment = AssignmentNotebook.Load(Path.Combine(Notebooks, "02-vanilla-gan.ipynb"));

        var student = assignment.StudentVersion();

        var sources = student["cells"]!.AsArray().Select(c => ExecutedNotebookReader.JoinText(c!["source"])).ToList();
        Assert.DoesNotContain(sources, s => s.Contains(SolutionRegions.BeginMarker, StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.Contains(HiddenTestCell.HeaderStart, StringComparison.Ordinal));
        var code = student["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").Select(c => ExecutedNotebookReader.JoinText(c!["source"]));
        Assert.DoesNotContain(code, s => s.Contains("binary_cross_entropy_with_logits", StringComparison.Ordinal));
        Assert.Equal(assignment.SolutionRegionCount, sources.Sum(s => s.Split(SolutionRegions.Stub).Length - 1));
        Assert.Equal(0, ExecutedNotebookReader.OutputCount(student));
        Assert.Equal("02-vanilla-gan.ipynb", (string?)student["metadata"]!["gan_assignment"]!["source"]);
        var original = JsonNode.Parse(File.ReadAllText(assignment.Path))!["cells"]!.AsArray().Count;
        Assert.Equal(original - assignment.HiddenTests.Count, sources.Count);
    }

    [Fact]
    public void Student_versions_are_written_for_assignment_notebooks_only()
    {
        var folder = Directory.CreateTempSubdirectory("gan-student-").FullName;
        try
        {
            var lines = StudentVersions.WriteAll(Notebooks, folder);

            Assert.Equal(["02-vanilla-gan.ipynb", "04-dcgan.ipynb", "05-conditional-gan.ipynb"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
            Assert.Equal(3, lines.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
