using GanNotebooks.Visualization;

namespace GanNotebooks.Tests.Visualization;

public class SmoothingTests
{
    [Fact]
    public void TrailingMeanOverTheWindow() =>
        Assert.Equal(new[] { 1.0, 1.5, 2.0, 3.0, 4.0 }, Smoothing.MovingAverage([1, 2, 3, 4, 5], 3));

    [Fact]
    public void WindowOfOneIsACopy()
    {
        double[] y = [3, 1, 2];
        var smoothed = Smoothing.MovingAverage(y, 1);
        Assert.Equal(y, smoothed);
        Assert.NotSame(y, smoothed);
    }

    [Fact]
    public void WindowLongerThanTheDataIsTheRunningMean() =>
        Assert.Equal(new[] { 2.0, 3.0, 4.0 }, Smoothing.MovingAverage([2, 4, 6], 10));

    [Fact]
    public void NonFiniteValuesAreLeftOut()
    {
        var smoothed = Smoothing.MovingAverage([double.NaN, 2, double.PositiveInfinity, 4, double.NaN, double.NaN], 2);
        Assert.True(double.IsNaN(smoothed[0]));
        Assert.Equal(new[] { 2.0, 2.0, 4.0, 4.0 }, smoothed[1..5]);
        Assert.True(double.IsNaN(smoothed[5]));
    }

    [Fact]
    public void EmptyStaysEmpty() => Assert.Empty(Smoothing.MovingAverage([], 5));

    [Fact]
    public void RejectsWindowBelowOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Smoothing.MovingAverage([1.0], 0));
}
