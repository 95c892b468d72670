using GanNotebooks.Toy;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Toy;

public sealed class DiscriminatorProbeTests
{
    [Fact]
    public void A_trained_discriminator_approaches_the_optimal_one()
    {
        manual_seed(11);
        var data = new GaussianMixture1D(new GaussianComponent(1, -2, 0.5), new GaussianComponent(1, 2, 0.5));
        var generated = GaussianMixture1D.Gaussian(0, 1.5);
        using var d = new Toy1DDiscriminator();
        int seed = 0;
        DiscriminatorProbe.Train(d, n => data.Sample(n, seed++), n => generated.Sample(n, 100_000 + seed++), steps: 1500);
        var xs = Enumerable.Range(0, 41).Select(i => -3 + i * 0.15).ToArray();
        var learned = d.Probabilities(xs);
        var optimal = xs.Select(x => MinimaxTheory.OptimalDiscriminator(data, generated, x)).ToArray();
        double meanError = learned.Zip(optimal, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanError < 0.08, $"mean |D − D*| = {meanError:F3}");
    }

    [Fact]
    public void The_minimax_loss_starves_the_generator_when_the_discriminator_wins()
    {
        manual_seed(12);
        var data = GaussianMixture1D.Gaussian(3, 0.3);
        using var g = new Toy1DGenerator();
        using var d = new Toy1DDiscriminator();
        int seed = 0;
        DiscriminatorProbe.Train(d, n => data.Sample(n, seed++), n => { using var _ = no_grad(); return g.forward(randn(n, g.LatentSize)); }, steps: 800);
        var (minimax, dOfG) = DiscriminatorProbe.GeneratorGradient(g, d, GeneratorLossKind.Minimax);
        var (nonSaturating, _) = DiscriminatorProbe.GeneratorGradient(g, d, GeneratorLossKind.NonSaturating);
        Assert.True(dOfG < 0.05, $"D(G(z)) = {dOfG}: the discriminator should be winning");
        Assert.True(minimax < 0.1 * nonSaturating, $"minimax {minimax} vs non-saturating {nonSaturating}");
    }
}
