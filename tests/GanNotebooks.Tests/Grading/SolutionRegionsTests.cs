using GanNotebooks.Cli.Grading;

namespace GanNotebooks.Tests.Grading;

public sealed class SolutionRegionsTests
{
    [Fact]
    public void A_region_becomes_one_throwing_line_with_the_markers_indentation()
    {
        var source = "int Twice(int x)\n{\n    // BEGIN SOLUTION\n    var y = 2 * x;\n    return y;\n    // END SOLUTION\n}";

        var student = SolutionRegions.ToStudentVersion(source);

        Assert.Equal("int Twice(int x)\n{\n    " + SolutionRegions.Stub + "\n}", student);
        Assert.Equal(1, SolutionRegions.Count(source));
    }

    [Fact]
    public void Code_outside_regions_is_kept_as_it_is_and_several_regions_are_all_replaced()
    {
        var source = "// a\n// BEGIN SOLUTION\nx();\n// END SOLUTION\nkept();\n  // BEGIN SOLUTION\ny();\n  // END SOLUTION";

        var student = SolutionRegions.ToStudentVersion(source);

        Assert.Equal("// a\n" + SolutionRegions.Stub + "\nkept();\n  " + SolutionRegions.Stub, student);
        Assert.Equal(2, SolutionRegions.Count(source));
        Assert.Equal("no regions here\n", SolutionRegions.ToStudentVersion("no regions here\n"));
    }

    [Theory]
    [InlineData("// BEGIN SOLUTION\nx();", "never closed")]
    [InlineData("x();\n// END SOLUTION", "without a '// BEGIN SOLUTION'")]
    [InlineData("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", "inside the region opened on line 1")]
    public void Unbalanced_markers_are_refused_naming_the_line(string source, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SolutionRegions.Count(source));
        Assert.Contains(expected, error.Message);
    }
}
