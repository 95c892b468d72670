using GanNotebooks.Toy;

namespace GanNotebooks.Tests.Toy;

public sealed class MinimaxTheoryTests
{
    private static readonly GaussianMixture1D Data = new(new GaussianComponent(1, -2, 0.5), new GaussianComponent(1, 2, 0.5));
    private static readonly IntegrationGrid Grid = new(-25, 25, 50_001);

    [Fact]
    public void Optimal_discriminator_is_the_density_ratio()
    {
        var g = GaussianMixture1D.Gaussian(0, 1);
        double x = 1.5, p = Data.Density(x), q = g.Density(x);
        Assert.Equal(p / (p + q), MinimaxTheory.OptimalDiscriminator(Data, g, x), 12);
        Assert.Equal(0.5, MinimaxTheory.OptimalDiscriminator(Data, Data, x), 12);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(2.0, 0.5)]
    [InlineData(-5.0, 2.0)]
    [InlineData(8.0, 0.3)]
    public void Generator_cost_equals_minus_log_4_plus_twice_the_JSD(double mean, double std)
    {
        var g = GaussianMixture1D.Gaussian(mean, std);
        double cost = MinimaxTheory.GeneratorCost(Data, g, Grid);
        double jsd = MinimaxTheory.JensenShannon(Data, g, Grid);
        Assert.Equal(-Math.Log(4) + 2 * jsd, cost, 9);
        Assert.InRange(jsd, 0, Math.Log(2) + 1e-9);
    }

    [Fact]
    public void A_perfect_generator_costs_minus_log_4()
    {
        Assert.Equal(-Math.Log(4), MinimaxTheory.GeneratorCost(Data, Data, Grid), 9);
        Assert.Equal(0, MinimaxTheory.JensenShannon(Data, Data, Grid), 12);
    }

    [Fact]
    public void Disjoint_densities_have_the_largest_JSD()
    {
        var far = GaussianMixture1D.Gaussian(200, 0.5);
        Assert.Equal(Math.Log(2), MinimaxTheory.JensenShannon(Data, far, new IntegrationGrid(-10, 210, 200_001)), 6);
    }

    [Fact]
    public void Densities_integrate_to_one()
    {
        Assert.Equal(1, Grid.Integrate(Data.Density), 9);
    }
}
