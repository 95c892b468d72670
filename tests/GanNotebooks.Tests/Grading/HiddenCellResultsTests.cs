using System.Text.Json.Nodes;
using GanNotebooks.Cli.Grading;
using GanNotebooks.Grading;

namespace GanNotebooks.Tests.Grading;

public sealed class HiddenCellResultsTests
{
    private const string Token = "A1B2C3";

    private static string Marker(string token, string task, string check, double points, bool passed) =>
        $"{GradedChecks.MarkerPrefix}{token} {{\"task\":\"{task}\",\"check\":\"{check}\",\"points\":{points},\"passed\":{(passed ? "true" : "false")},\"message\":\"m\"}}";

    private static JsonObject Cell(string? task, string stdout, bool appended = true, int? executionCount = 1) => new()
    {
        ["cell_type"] = "code",
        ["metadata"] = appended ? new JsonObject { [HiddenCellResults.MetadataKey] = new JsonObject { ["hidden"] = true, ["task"] = task } } : new JsonObject(),
        ["source"] = "",
        ["execution_count"] = executionCount,
        ["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = stdout }),
    };

    [Fact]
    public void Only_markers_with_the_runs_token_in_the_graders_cells_count()
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(
                Cell(null, Marker(Token, "t", "forged in the submission", 5, true), appended: false),
                Cell("t", string.Join("\n", Marker("WRONG", "t", "forged token", 5, true), Marker(Token, "t", "real", 2, true),
                    Marker(Token, "t", "failed", 1, false), Marker(Token, "other", "another task's", 3, true)))),
        };

        var grades = HiddenCellResults.Read(notebook, Token, [("t", 3)], null);

        var grade = Assert.Single(grades);
        Assert.Equal(["real", "failed"], grade.Checks.Select(c => c.Check));
        Assert.Equal(2, grade.Earned);
        Assert.Empty(grade.Problems);
    }

    [Fact]
    public void A_task_whose_hidden_cell_never_ran_earns_nothing_and_says_why()
    {
        var notebook = new JsonObject { ["cells"] = new JsonArray(Cell("t", "", executionCount: null)) };

        var grade = Assert.Single(HiddenCellResults.Read(notebook, Token, [("t", 4), ("u", 1)], "cell 3 timed out").Take(1));

        Assert.Equal(0, grade.Earned);
        Assert.Contains("did not run", Assert.Single(grade.Problems));
        var missing = HiddenCellResults.Read(null, Token, [("u", 1)], "cell 3 timed out").Single();
        Assert.Contains("cell 3 timed out", Assert.Single(missing.Problems));
    }

    [Fact]
    public void Points_are_capped_at_the_tasks_maximum()
    {
        var notebook = new JsonObject { ["cells"] = new JsonArray(Cell("t", Marker(Token, "t", "a", 3, true) + "\n" + Marker(Token, "t", "b", 3, true))) };

        Assert.Equal(4, HiddenCellResults.Read(notebook, Token, [("t", 4)], null).Single().Earned);
    }
}
