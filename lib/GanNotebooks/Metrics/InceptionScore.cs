using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>
/// The classifier Inception Score: IS = exp(E_x KL(p(y|x) ‖ p(y))), where p(y|x) is the classifier's class
/// distribution for one sample and p(y) = E_x p(y|x) its average over all samples. High when each sample is
/// classified confidently (low-entropy p(y|x)) and the classes are used evenly (high-entropy p(y)); it ranges from
/// 1 (every sample gets the same distribution, e.g. one repeated image) to the number of classes (confident and
/// perfectly balanced). It never looks at real images. Introduced in notebook 07-evaluating-gans.
/// </summary>
public static class InceptionScore
{
    /// <summary>IS of class probabilities [N, K] (rows sum to 1), computed in float64.</summary>
    public static double Compute(Tensor probabilities)
    {
        if (probabilities.dim() != 2 || probabilities.shape[0] < 1)
            throw new ArgumentException($"expected probabilities [N, K] with N ≥ 1, got shape [{string.Join(", ", probabilities.shape)}].", nameof(probabilities));
        using var scope = NewDisposeScope();
        var p = probabilities.detach().to_type(ScalarType.Float64);
        var rowSums = p.sum(1);
        if (p.lt(0).any().item<bool>() || rowSums.sub(1).abs().max().item<double>() > 1e-3)
            throw new ArgumentException("each row of probabilities must be non-negative and sum to 1 (apply softmax to logits first).", nameof(probabilities));
        var marginal = p.mean([0], keepdim: true);
        // KL(p ‖ q) = Σ p (log p − log q), with 0 · log 0 taken as 0.
        var logRatio = p.clamp_min(1e-30).log().sub(marginal.clamp_min(1e-30).log());
        var kl = p.mul(logRatio).where(p.gt(0), zeros_like(p)).sum(1);
        return Math.Exp(kl.mean().item<double>());
    }
}
