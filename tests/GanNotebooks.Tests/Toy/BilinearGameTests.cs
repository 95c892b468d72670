using GanNotebooks.Toy;

namespace GanNotebooks.Tests.Toy;

public sealed class BilinearGameTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void Simultaneous_steps_grow_the_radius_by_sqrt_one_plus_alpha_squared(double alpha)
    {
        var r = BilinearGame.Play(BilinearUpdate.Simultaneous, 1, 0.5, alpha, 50).Radius();
        for (int t = 1; t < r.Length; t++) Assert.Equal(Math.Sqrt(1 + alpha * alpha), r[t] / r[t - 1], 12);
        Assert.Equal(Math.Sqrt(1 + alpha * alpha), BilinearGame.RadiusFactor(BilinearUpdate.Simultaneous, alpha), 15);
    }

    [Fact]
    public void Alternating_steps_stay_bounded()
    {
        var r = BilinearGame.Play(BilinearUpdate.Alternating, 1, 0, 0.1, 10_000).Radius();
        Assert.True(r.Max() < 1.1 && r.Min() > 0.9, $"radius between {r.Min()} and {r.Max()}");
    }

    [Fact]
    public void Extragradient_spirals_into_the_equilibrium()
    {
        var r = BilinearGame.Play(BilinearUpdate.Extragradient, 1, 0, 0.3, 500).Radius();
        for (int t = 1; t < r.Length; t++) Assert.Equal(BilinearGame.RadiusFactor(BilinearUpdate.Extragradient, 0.3), r[t] / r[t - 1], 12);
        Assert.True(r[^1] < 1e-4);
    }

    [Fact]
    public void Averaging_the_alternating_orbit_converges()
    {
        var averaged = BilinearGame.Play(BilinearUpdate.Alternating, 1, 0, 0.1, 20_000).Averaged().Radius();
        Assert.True(averaged[^1] < 0.01, $"averaged radius {averaged[^1]}");
    }

    [Fact]
    public void Alternating_has_no_constant_radius_factor()
    {
        Assert.Throws<ArgumentException>(() => BilinearGame.RadiusFactor(BilinearUpdate.Alternating, 0.1));
    }
}
