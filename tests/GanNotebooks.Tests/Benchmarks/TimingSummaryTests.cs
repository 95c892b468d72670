using GanNotebooks.Benchmarks;

namespace GanNotebooks.Tests.Benchmarks;

public sealed class TimingSummaryTests
{
    [Fact]
    public void Median_and_quartiles_ignore_one_outlier_and_interpolate_between_values()
    {
        var summary = new TimingSummary([4.0, 1.0, 100.0, 3.0, 2.0]);
        Assert.Equal(3.0, summary.Median);
        Assert.Equal(2.0, summary.LowerQuartile);
        Assert.Equal(4.0, summary.UpperQuartile);
        Assert.Equal(1.0, summary.Min);
        Assert.Equal(2.0 / 3.0, summary.RelativeSpread, 1e-12);
        Assert.Equal(2.5, new TimingSummary([1.0, 2.0, 3.0, 4.0]).Median);
        Assert.Equal("3.0 (2.0–4.0)", summary.Describe());
    }

    [Fact]
    public void No_measurements_is_an_error_not_a_zero()
    {
        Assert.Throws<InvalidOperationException>(() => new TimingSummary([]).Median);
    }
}
