using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>
/// For a conditional generator: the share of samples that the evaluation classifier assigns to the class they were
/// asked for, accuracy = (1/N) Σᵢ [argmaxₖ p(k|xᵢ) = yᵢ]. Near 1 when the generator obeys its labels; about 1/K when
/// it ignores them. Introduced in notebook 07-evaluating-gans.
/// </summary>
public static class LabelAccuracy
{
    /// <summary>Accuracy of the most likely class of each row of <paramref name="probabilities"/> [N, K] against <paramref name="requested"/> [N].</summary>
    public static double Compute(Tensor probabilities, Tensor requested)
    {
        if (probabilities.dim() != 2)
            throw new ArgumentException($"expected probabilities [N, K], got shape [{string.Join(", ", probabilities.shape)}].", nameof(probabilities));
        if (requested.dim() != 1 || requested.shape[0] != probabilities.shape[0])
            throw new ArgumentException($"expected {probabilities.shape[0]} requested labels [N], got shape [{string.Join(", ", requested.shape)}].", nameof(requested));
        if (requested.shape[0] == 0) throw new ArgumentException("no samples.", nameof(requested));
        using var scope = NewDisposeScope();
        var correct = probabilities.argmax(1).eq(requested.to_type(ScalarType.Int64)).sum().item<long>();
        return correct / (double)requested.shape[0];
    }
}
