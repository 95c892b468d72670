using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>
/// Fréchet distance between two sets of feature vectors, each summarised as a Gaussian with mean μ and covariance
/// Σ: FD = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^{1/2}). Zero for identical statistics, growing with both a shift
/// of the mean and a difference in spread. Computed in float64; Tr((Σ₁Σ₂)^{1/2}) is taken as the sum of the
/// square roots of the eigenvalues of the symmetric matrix Σ₁^{1/2} Σ₂ Σ₁^{1/2} (same eigenvalues as Σ₁Σ₂), with
/// tiny negative eigenvalues from rounding clamped to zero. In the evaluation classifier's feature space this is
/// the kit's analogue of FID. Introduced in notebook 07-evaluating-gans.
/// </summary>
public static class FrechetDistance
{
    /// <summary>
    /// FD between the feature rows of <paramref name="first"/> [N₁, D] and <paramref name="second"/> [N₂, D]
    /// (covariances with the unbiased N − 1 divisor; each set needs at least 2 rows).
    /// </summary>
    public static double Compute(Tensor first, Tensor second)
    {
        CheckFeatures(first, nameof(first));
        CheckFeatures(second, nameof(second));
        if (first.shape[1] != second.shape[1])
            throw new ArgumentException($"feature widths differ: {first.shape[1]} and {second.shape[1]}.", nameof(second));
        using var scope = NewDisposeScope();
        var (mean1, cov1) = Statistics(first);
        var (mean2, cov2) = Statistics(second);
        return FromStatistics(mean1, cov1, mean2, cov2);
    }

    /// <summary>FD between two Gaussians given by their means [D] and covariances [D, D].</summary>
    public static double FromStatistics(Tensor mean1, Tensor covariance1, Tensor mean2, Tensor covariance2)
    {
        using var scope = NewDisposeScope();
        var m1 = mean1.to_type(ScalarType.Float64);
        var m2 = mean2.to_type(ScalarType.Float64);
        var c1 = Symmetric(covariance1.to_type(ScalarType.Float64));
        var c2 = Symmetric(covariance2.to_type(ScalarType.Float64));
        var meanTerm = m1.sub(m2).square().sum().item<double>();
        var root1 = SquareRoot(c1);
        var (eigenvalues, _) = linalg.eigh(Symmetric(root1.matmul(c2).matmul(root1)));
        var traceOfRoot = eigenvalues.clamp_min(0).sqrt().sum().item<double>();
        var value = meanTerm + c1.trace().item<double>() + c2.trace().item<double>() - 2 * traceOfRoot;
        return Math.Max(0, value);
    }

    /// <summary>Mean [D] and covariance [D, D] (divisor N − 1) of feature rows [N, D], in float64.</summary>
    public static (Tensor Mean, Tensor Covariance) Statistics(Tensor features)
    {
        CheckFeatures(features, nameof(features));
        using var scope = NewDisposeScope();
        var x = features.detach().to_type(ScalarType.Float64);
        var mean = x.mean([0]);
        var centred = x.sub(mean);
        var covariance = centred.t().matmul(centred).div(x.shape[0] - 1);
        return (mean.MoveToOuterDisposeScope(), covariance.MoveToOuterDisposeScope());
    }

    private static Tensor SquareRoot(Tensor symmetric)
    {
        var (values, vectors) = linalg.eigh(symmetric);
        return vectors.mul(values.clamp_min(0).sqrt().unsqueeze(0)).matmul(vectors.t());
    }

    private static Tensor Symmetric(Tensor matrix) => matrix.add(matrix.t()).div(2);

    private static void CheckFeatures(Tensor features, string name)
    {
        if (features.dim() != 2)
            throw new ArgumentException($"expected features [N, D], got shape [{string.Join(", ", features.shape)}].", name);
        if (features.shape[0] < 2)
            throw new ArgumentException($"a covariance needs at least 2 feature rows, got {features.shape[0]}.", name);
    }
}
