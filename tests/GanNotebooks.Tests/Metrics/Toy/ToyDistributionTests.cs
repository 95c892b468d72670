using GanNotebooks.Metrics.Toy;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics.Toy;

public class ToyDistributionTests
{
    [Fact]
    public void The_ring_has_eight_modes_on_a_circle_of_radius_two()
    {
        var ring = ToyDistribution.Ring();

        Assert.Equal(8, ring.ModeCount);
        Assert.Equal(0.02, ring.Std);
        Assert.All(ring.Means, m => Assert.Equal(2, Math.Sqrt(m.X * m.X + m.Y * m.Y), 12));
        Assert.Equal((2.0, 0.0), ring.Means[0]);
    }

    [Fact]
    public void The_grid_has_twenty_five_modes_from_minus_four_to_four()
    {
        var grid = ToyDistribution.Grid();

        Assert.Equal(25, grid.ModeCount);
        Assert.Equal(0.05, grid.Std);
        Assert.Equal([-4.0, -2, 0, 2, 4], grid.Means.Select(m => m.X).Distinct().Order());
        Assert.Contains((0.0, 0.0), grid.Means);
    }

    [Fact]
    public void Sampling_is_reproducible_from_the_seed_and_has_the_configured_spread()
    {
        var ring = ToyDistribution.Ring(std: 0.1);

        using var a = ring.Sample(4000, seed: 7);
        using var b = ring.Sample(4000, seed: 7);
        using var c = ring.Sample(4000, seed: 8);
        using var one = ring.Sample(4000, seed: 1, onlyMode: 2);

        Assert.Equal(a.data<float>().ToArray(), b.data<float>().ToArray());
        Assert.NotEqual(a.data<float>().ToArray(), c.data<float>().ToArray());
        Assert.Equal(new long[] { 4000, 2 }, a.shape);
        // Every point of mode 2 (at (0, 2)) scatters around it with σ = 0.1.
        Assert.Equal(0, one.select(1, 0).mean().item<float>(), 0.01);
        Assert.Equal(2, one.select(1, 1).mean().item<float>(), 0.01);
        Assert.Equal(0.1, one.select(1, 0).std().item<float>(), 0.005);
    }

    [Fact]
    public void Rejects_bad_settings_naming_them()
    {
        Assert.Contains("std", Assert.Throws<ArgumentException>(() => ToyDistribution.Ring(std: 0)).Message);
        Assert.Contains("onlyMode", Assert.Throws<ArgumentException>(() => ToyDistribution.Ring().Sample(10, 1, onlyMode: 8)).Message);
        Assert.Contains("side", Assert.Throws<ArgumentException>(() => ToyDistribution.Grid(side: 0)).Message);
    }
}
