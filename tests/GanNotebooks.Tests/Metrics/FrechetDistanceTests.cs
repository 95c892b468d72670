using GanNotebooks.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class FrechetDistanceTests
{
    private static Tensor Gaussian(int n, double[] mean, double[] std, long seed)
    {
        var generator = new Generator((ulong)seed);
        var noise = randn([n, mean.Length], ScalarType.Float64, generator: generator);
        return noise.mul(tensor(std)).add(tensor(mean));
    }

    [Fact]
    public void Matches_the_closed_form_for_Gaussians_with_diagonal_covariances()
    {
        double[] mean1 = [0, 1, -2, 0.5], std1 = [1, 2, 0.5, 1];
        double[] mean2 = [1, 1, 0, -0.5], std2 = [2, 1, 0.5, 3];
        var expected = mean1.Zip(mean2, (a, b) => (a - b) * (a - b)).Sum()
            + std1.Zip(std2, (a, b) => a * a + b * b - 2 * a * b).Sum(); // σ₁ᵢ² + σ₂ᵢ² − 2σ₁ᵢσ₂ᵢ

        var fromStatistics = FrechetDistance.FromStatistics(tensor(mean1), diag(tensor(std1).square()), tensor(mean2), diag(tensor(std2).square()));
        using var a = Gaussian(200_000, mean1, std1, 1);
        using var b = Gaussian(200_000, mean2, std2, 2);
        var fromSamples = FrechetDistance.Compute(a, b);

        Assert.Equal(expected, fromStatistics, 9);
        Assert.Equal(expected, fromSamples, expected * 0.02);
    }

    [Fact]
    public void Matches_the_closed_form_for_full_covariances_that_do_not_commute()
    {
        // For 1-D-like checks the product of roots is easy; here Σ₁Σ₂ is not symmetric, so the result must come from
        // the symmetric form Σ₁^½ Σ₂ Σ₁^½. Compare with the trace of the square root of Σ₁Σ₂ computed by hand in 2-D:
        // for a 2 × 2 matrix M with positive eigenvalues, Tr √M = √(Tr M + 2√det M).
        var c1 = tensor(new double[,] { { 2, 0.5 }, { 0.5, 1 } });
        var c2 = tensor(new double[,] { { 1, -0.3 }, { -0.3, 3 } });
        var product = c1.matmul(c2);
        var traceRoot = Math.Sqrt(product.trace().item<double>() + 2 * Math.Sqrt(linalg.det(product).item<double>()));
        var expected = 1.0 + 3 + 4 - 2 * traceRoot; // ‖(1, 0)‖² + Tr Σ₁ + Tr Σ₂ − 2 Tr √(Σ₁Σ₂)

        var actual = FrechetDistance.FromStatistics(tensor(new double[] { 1, 0 }), c1, tensor(new double[] { 0, 0 }), c2);

        Assert.Equal(expected, actual, 9);
    }

    [Fact]
    public void Is_zero_for_the_same_features_and_never_negative_for_singular_covariances()
    {
        using var features = Gaussian(500, [0, 0, 0], [1, 1, 1], 3);
        using var singular = cat([features, features.narrow(1, 0, 1)], 1); // a repeated column: rank-deficient Σ

        Assert.Equal(0, FrechetDistance.Compute(features, features), 6);
        var value = FrechetDistance.Compute(singular, singular);
        Assert.InRange(value, 0, 1e-6);
    }

    [Fact]
    public void Rejects_mismatched_or_too_few_features()
    {
        Assert.Throws<ArgumentException>(() => FrechetDistance.Compute(zeros(10, 3), zeros(10, 4)));
        Assert.Throws<ArgumentException>(() => FrechetDistance.Compute(zeros(1, 3), zeros(10, 3)));
        Assert.Throws<ArgumentException>(() => FrechetDistance.Compute(zeros(10), zeros(10, 3)));
    }
}
