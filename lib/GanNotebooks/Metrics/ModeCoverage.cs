using System.Text.Json.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>
/// Which classes a generator produces, judged by the evaluation classifier's most likely class for each sample:
/// the class <see cref="Histogram"/>, the number of classes that receive at least <see cref="MinShare"/> of the
/// samples (<see cref="ClassesCovered"/>), and the divergence of the histogram's shares q from the uniform
/// distribution over K classes, KL(q ‖ u) = Σₖ qₖ log(K qₖ) (0 when balanced, log K when every sample is one
/// class). A collapsed GAN covers few classes. Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed record ModeCoverage
{
    /// <summary>Default minimum share of the samples a class needs to count as covered: 1%.</summary>
    public const double DefaultMinShare = 0.01;

    /// <summary>Number of samples in each class (index = class).</summary>
    public required IReadOnlyList<int> Histogram { get; init; }

    /// <summary>Number of classes with at least <see cref="MinShare"/> of the samples.</summary>
    public required int ClassesCovered { get; init; }

    /// <summary>KL divergence (nats) of the class shares from uniform: Σₖ qₖ log(K qₖ).</summary>
    public required double KlFromUniform { get; init; }

    /// <summary>The share a class needed to count as covered.</summary>
    public required double MinShare { get; init; }

    /// <summary>Number of classes (K).</summary>
    [JsonIgnore]
    public int Classes => Histogram.Count;

    /// <summary>Coverage of predicted classes [N] (int64) among <paramref name="classes"/> classes.</summary>
    public static ModeCoverage FromPredictions(Tensor predictedClasses, int classes, double minShare = DefaultMinShare)
    {
        if (predictedClasses.dim() != 1 || predictedClasses.shape[0] < 1)
            throw new ArgumentException($"expected class indices [N] with N ≥ 1, got shape [{string.Join(", ", predictedClasses.shape)}].", nameof(predictedClasses));
        using var scope = NewDisposeScope();
        var values = predictedClasses.to_type(ScalarType.Int64).data<long>().ToArray();
        var histogram = new int[classes];
        foreach (var v in values)
        {
            if (v < 0 || v >= classes) throw new ArgumentException($"class {v} is outside 0..{classes - 1}.", nameof(predictedClasses));
            histogram[v]++;
        }
        return FromHistogram(histogram, minShare);
    }

    /// <summary>Coverage of the most likely class of each row of probabilities (or logits) [N, K].</summary>
    public static ModeCoverage FromProbabilities(Tensor probabilities, double minShare = DefaultMinShare)
    {
        if (probabilities.dim() != 2)
            throw new ArgumentException($"expected probabilities [N, K], got shape [{string.Join(", ", probabilities.shape)}].", nameof(probabilities));
        using var predicted = probabilities.argmax(1);
        return FromPredictions(predicted, (int)probabilities.shape[1], minShare);
    }

    /// <summary>Coverage of a class histogram (counts by class).</summary>
    public static ModeCoverage FromHistogram(IReadOnlyList<int> histogram, double minShare = DefaultMinShare)
    {
        if (!(minShare > 0 && minShare <= 1))
            throw new ArgumentException($"minShare = {minShare} must be in (0, 1] (default {DefaultMinShare}).", nameof(minShare));
        if (histogram.Count < 1 || histogram.Any(c => c < 0) || histogram.Sum() == 0)
            throw new ArgumentException("the histogram needs at least one class, no negative counts and at least one sample.", nameof(histogram));
        double total = histogram.Sum(), k = histogram.Count;
        var kl = histogram.Where(c => c > 0).Sum(c => c / total * Math.Log(k * c / total));
        return new ModeCoverage
        {
            Histogram = histogram.ToArray(),
            ClassesCovered = histogram.Count(c => c / total >= minShare),
            KlFromUniform = Math.Max(0, kl),
            MinShare = minShare,
        };
    }
}
