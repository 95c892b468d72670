using GanNotebooks.Cli.Grading;

namespace GanNotebooks.Tests.Grading;

public sealed class HiddenTestCellTests
{
    [Fact]
    public void The_header_names_the_task_and_its_points()
    {
        var cell = HiddenTestCell.TryRead("\n// HIDDEN TESTS 02-losses (4.5 points)\nusing X;", 7);

        Assert.NotNull(cell);
        Assert.Equal("02-losses", cell.Task);
        Assert.Equal(4.5, cell.Points);
        Assert.Equal(7, cell.CellNumber);
    }

    [Fact]
    public void Other_cells_are_not_hidden_tests_and_a_malformed_header_is_refused()
    {
        Assert.Null(HiddenTestCell.TryRead("var x = 1; // HIDDEN TESTS a (1 point)", 1));
        var error = Assert.Throws<FormatException>(() => HiddenTestCell.TryRead("// HIDDEN TESTS losses", 3));
        Assert.Contains("cell 3", error.Message);
    }
}
