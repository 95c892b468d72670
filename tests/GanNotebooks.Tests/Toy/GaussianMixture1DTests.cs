using GanNotebooks.Toy;

namespace GanNotebooks.Tests.Toy;

public sealed class GaussianMixture1DTests
{
    [Fact]
    public void Samples_follow_the_mixture()
    {
        var mixture = new GaussianMixture1D(new GaussianComponent(3, -2, 0.5), new GaussianComponent(1, 2, 0.5));
        using var samples = mixture.Sample(40_000, seed: 1);
        Assert.Equal(new long[] { 40_000, 1 }, samples.shape);
        Assert.Equal(mixture.Mean, samples.mean().item<float>(), 0.03);
        double left = (samples < 0).to_type(TorchSharp.torch.ScalarType.Float32).mean().item<float>();
        Assert.Equal(0.75, left, 0.01);
        var (centers, density) = Histogram1D.Of(samples, -5, 5, 100);
        Assert.Equal(1, density.Sum() * (centers[1] - centers[0]), 0.001);
        Assert.Equal(mixture.Density(-2), density[Array.FindIndex(centers, c => c > -2) - 1], 0.05);
    }

    [Fact]
    public void Same_seed_same_samples()
    {
        var g = GaussianMixture1D.Gaussian(0, 1);
        using var a = g.Sample(100, 5);
        using var b = g.Sample(100, 5);
        Assert.True(a.allclose(b, 0, 0));
    }

    [Fact]
    public void Bad_components_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new GaussianMixture1D(new GaussianComponent(1, 0, 0)));
        Assert.Throws<ArgumentException>(() => new GaussianMixture1D());
    }
}
