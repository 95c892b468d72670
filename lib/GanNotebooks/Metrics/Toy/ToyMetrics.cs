using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics.Toy;

/// <summary>
/// How well 2-D samples match a <see cref="ToyDistribution"/>. Each sample is assigned to its nearest mode and is
/// high quality when it lies within 3σ of it (Euclidean distance ≤ 3σ; a perfect sampler scores 1 − e^{−4.5} ≈ 98.9%, the mass of a 2-D Gaussian within 3σ). A mode is covered when at least
/// max(minCount, minShare · N) high-quality samples lie within 3σ of it.
/// <see cref="HighQualityShare"/> = (high-quality samples) / N. A collapsed generator covers few modes with high
/// quality; a blurry one covers many with low quality. Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed record ToyMetrics
{
    /// <summary>Default minimum share of the samples a mode needs to count as covered: 1%.</summary>
    public const double DefaultMinShare = 0.01;

    /// <summary>Number of modes covered.</summary>
    public required int ModesCovered { get; init; }

    /// <summary>Number of modes of the distribution.</summary>
    public required int ModeCount { get; init; }

    /// <summary>Share of samples within 3σ of some mode, in [0, 1].</summary>
    public required double HighQualityShare { get; init; }

    /// <summary>High-quality samples per mode (index = mode).</summary>
    public required IReadOnlyList<int> SamplesPerMode { get; init; }

    /// <summary>Number of samples.</summary>
    public required int SampleCount { get; init; }

    /// <summary>
    /// Scores <paramref name="samples"/> [N, 2] against <paramref name="distribution"/>; a mode needs at least
    /// max(<paramref name="minCount"/>, <paramref name="minShare"/> · N) samples within 3σ to count as covered.
    /// </summary>
    public static ToyMetrics Compute(ToyDistribution distribution, Tensor samples, double minShare = DefaultMinShare, int minCount = 1)
    {
        if (samples.dim() != 2 || samples.shape[1] != 2 || samples.shape[0] < 1)
            throw new ArgumentException($"expected points [N, 2] with N ≥ 1, got shape [{string.Join(", ", samples.shape)}].", nameof(samples));
        if (!(minShare >= 0 && minShare <= 1))
            throw new ArgumentException($"minShare = {minShare} must be in [0, 1] (default {DefaultMinShare}).", nameof(minShare));
        if (minCount < 1) throw new ArgumentException($"minCount = {minCount} must be at least 1.", nameof(minCount));
        using var scope = NewDisposeScope();
        var means = tensor(distribution.Means.SelectMany(m => new[] { m.X, m.Y }).ToArray(), [distribution.ModeCount, 2]);
        var distances = cdist(samples.detach().to_type(ScalarType.Float64), means);
        var (nearest, mode) = distances.min(1);
        var good = nearest.le(3 * distribution.Std);
        var goodModes = mode.masked_select(good).data<long>().ToArray();
        var perMode = new int[distribution.ModeCount];
        foreach (var m in goodModes) perMode[m]++;
        var n = (int)samples.shape[0];
        var needed = Math.Max(minCount, minShare * n);
        return new ToyMetrics
        {
            ModesCovered = perMode.Count(c => c >= needed),
            ModeCount = distribution.ModeCount,
            HighQualityShare = goodModes.Length / (double)n,
            SamplesPerMode = perMode,
            SampleCount = n,
        };
    }

    /// <summary>A one-line summary, e.g. "8/8 modes, 99.6% high quality (1,000 samples)".</summary>
    public override string ToString() => $"{ModesCovered}/{ModeCount} modes, {HighQualityShare * 100:F1}% high quality ({SampleCount:N0} samples)";
}
