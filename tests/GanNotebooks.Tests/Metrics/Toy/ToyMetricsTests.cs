using GanNotebooks.Metrics.Toy;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics.Toy;

public class ToyMetricsTests
{
    [Fact]
    public void Samples_from_the_ring_cover_all_eight_modes_with_high_quality()
    {
        var ring = ToyDistribution.Ring();
        using var samples = ring.Sample(2000, seed: 1);

        var metrics = ring.Evaluate(samples);

        Assert.Equal(8, metrics.ModesCovered);
        Assert.Equal(8, metrics.ModeCount);
        // A 2-D Gaussian puts 1 − e^−4.5 ≈ 98.9% of its mass within 3σ.
        Assert.InRange(metrics.HighQualityShare, 0.975, 1);
        Assert.InRange(metrics.SamplesPerMode.Sum(), 1950, 2000);
    }

    [Fact]
    public void Samples_from_one_mode_cover_one_of_eight()
    {
        var ring = ToyDistribution.Ring();
        using var samples = ring.Sample(1000, seed: 2, onlyMode: 5);

        var metrics = ring.Evaluate(samples);

        Assert.Equal(1, metrics.ModesCovered);
        Assert.True(metrics.SamplesPerMode[5] > 970);
        Assert.InRange(metrics.HighQualityShare, 0.97, 1);
    }

    [Fact]
    public void Grid_samples_cover_all_twenty_five_modes()
    {
        var grid = ToyDistribution.Grid();
        using var samples = grid.Sample(5000, seed: 3);

        Assert.Equal(25, grid.Evaluate(samples).ModesCovered);
    }

    [Fact]
    public void Points_between_modes_are_low_quality_and_cover_nothing()
    {
        var ring = ToyDistribution.Ring();
        using var origin = zeros(100, 2);

        var metrics = ring.Evaluate(origin);

        Assert.Equal(0, metrics.ModesCovered);
        Assert.Equal(0, metrics.HighQualityShare);
    }

    [Fact]
    public void A_mode_needs_the_minimum_count_or_share()
    {
        var ring = ToyDistribution.Ring();
        // 95 samples on mode 0 and 5 on mode 1.
        using var samples = cat([ring.Sample(95, 4, onlyMode: 0), ring.Sample(5, 5, onlyMode: 1)], 0);

        Assert.Equal(2, ring.Evaluate(samples).ModesCovered);                 // 5 ≥ 1% of 100
        Assert.Equal(1, ring.Evaluate(samples, minShare: 0.1).ModesCovered); // 5 < 10 samples
        Assert.Equal(1, ring.Evaluate(samples, minCount: 6).ModesCovered);
    }
}
