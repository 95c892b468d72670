using GanNotebooks.Visualization;

namespace GanNotebooks.Tests.Visualization;

public class ChartSeriesTests
{
    [Fact]
    public void OfStepsNumbersThePointsFromZero()
    {
        var series = ChartSeries.OfSteps("loss", [0.5, 0.25, 0.125]);
        Assert.Equal(new[] { 0.0, 1.0, 2.0 }, series.X);
        Assert.Equal(new[] { 0.5, 0.25, 0.125 }, series.Y);
    }

    [Fact]
    public void SmoothedKeepsXAndRenames()
    {
        var smoothed = ChartSeries.OfSteps("loss", [1, 3, 5]).Smoothed(2);
        Assert.Equal("loss (mean of 2)", smoothed.Name);
        Assert.Equal(new[] { 0.0, 1.0, 2.0 }, smoothed.X);
        Assert.Equal(new[] { 1.0, 2.0, 4.0 }, smoothed.Y);
    }

    [Fact]
    public void ValidateRejectsMismatchedLengths() =>
        Assert.Throws<ArgumentException>(() => new ChartSeries("s", [1, 2], [1]).Validate());
}
