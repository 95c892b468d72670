using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Tests.Notebooks;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30", 1800)]
    [InlineData("90s", 90)]
    [InlineData(" 45m ", 2700)]
    [InlineData("45min", 2700)]
    [InlineData("2h", 7200)]
    [InlineData("1.5h", 5400)]
    [InlineData("2.5", 150)]
    public void Reads_minutes_or_a_unit(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationText.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("0.4s")]
    [InlineData("-5")]
    [InlineData("8d")]
    [InlineData("200h")]
    [InlineData("NaN")]
    public void Rejects_what_is_not_a_positive_duration_and_says_what_to_give(string text)
    {
        Assert.Null(DurationText.Parse(text, out var error));
        Assert.Contains($"'{text}'", error);
        Assert.Contains("90s, 45m, 2h", error);
    }

    [Theory]
    [InlineData(10, "10 s")]
    [InlineData(119, "119 s")]
    [InlineData(1800, "30 min")]
    [InlineData(5400, "90 min")]
    [InlineData(9000, "2.5 h")]
    public void Describes_durations_as_the_runner_reports_them(int seconds, string expected) =>
        Assert.Equal(expected, DurationText.Describe(TimeSpan.FromSeconds(seconds)));
}
