using System.Globalization;

namespace GanNotebooks.Metrics;

/// <summary>
/// How many of Stacked MNIST's 1,000 modes a set of N images covers, as <see cref="StackedMnistModeCounter"/>
/// measures it: the mode histogram, the number of modes with at least one image, and KL(q ‖ u), the divergence of
/// the images' mode distribution q (histogram / N) from the uniform distribution u over the 1,000 modes:
/// KL(q ‖ u) = Σₖ qₖ log(qₖ / (1/1000)) = Σₖ qₖ log(1000 qₖ), in nats. No smoothing is needed: u is never zero, and
/// modes with qₖ = 0 contribute 0 (the limit of q log q). So KL is 0 only for a perfectly even histogram, and
/// log 1000 ≈ 6.908 when every image has the same mode. With finitely many images even real data scores above 0
/// (about 999 / (2N) from sampling alone, ≈ 0.05 at N = 10,000), so compare a generator with real Stacked MNIST at
/// the same N. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed record StackedMnistModes
{
    /// <summary>What was counted, e.g. "real Stacked MNIST" or a samples file's path.</summary>
    public required string Samples { get; init; }

    /// <summary>Number of images counted (N).</summary>
    public required int SampleCount { get; init; }

    /// <summary>Number of images of each mode (index = mode 0 to 999).</summary>
    public required IReadOnlyList<int> Histogram { get; init; }

    /// <summary>Number of modes with at least one image (0 to 1,000).</summary>
    public required int ModesCovered { get; init; }

    /// <summary>KL(q ‖ uniform) in nats, as defined in the type's summary.</summary>
    public required double KlFromUniform { get; init; }

    /// <summary>Seconds the classification took.</summary>
    public required double Seconds { get; init; }

    /// <summary>The smallest probability of the classifier's digit that counts as a confident reading: 0.9.</summary>
    public const double ConfidentProbability = 0.9;

    /// <summary>
    /// The share of the 3·N digits (one per channel of each image) that the classifier read with probability at least
    /// <see cref="ConfidentProbability"/>; null when unknown (a histogram alone). Real Stacked MNIST scores about 0.9.
    /// Blurry or half-formed samples score low, and their modes are then the classifier's guesses: a high mode count
    /// with a low confident share does not mean that the generator covers those modes. Introduced in notebook
    /// 09-mode-collapse-benchmark.
    /// </summary>
    public double? ConfidentShare { get; init; }

    /// <summary>
    /// A stricter count: the modes with at least one image whose three digits were all read confidently
    /// (<see cref="ConfidentProbability"/>); null when unknown. Close to <see cref="ModesCovered"/> for real data at
    /// N = 10,000; far below it for samples whose digits the classifier can only guess. Introduced in notebook
    /// 09-mode-collapse-benchmark.
    /// </summary>
    public int? ConfidentModesCovered { get; init; }

    /// <summary>Stacked images classified per second (three digits each).</summary>
    public double ImagesPerSecond => Seconds > 0 ? SampleCount / Seconds : double.PositiveInfinity;

    /// <summary>The counts of a mode histogram (1,000 counts, at least one image).</summary>
    public static StackedMnistModes FromHistogram(IReadOnlyList<int> histogram, string samples, double seconds = 0)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Count != Data.StackedMnist.ModeCount)
            throw new ArgumentException($"a Stacked MNIST histogram has {Data.StackedMnist.ModeCount} modes, got {histogram.Count}.", nameof(histogram));
        if (histogram.Any(c => c < 0) || histogram.Sum() == 0)
            throw new ArgumentException("the histogram needs at least one image and no negative counts.", nameof(histogram));
        double total = histogram.Sum(), modes = histogram.Count;
        var kl = histogram.Where(c => c > 0).Sum(c => c / total * Math.Log(modes * c / total));
        return new StackedMnistModes
        {
            Samples = samples,
            SampleCount = (int)total,
            Histogram = histogram.ToArray(),
            ModesCovered = histogram.Count(c => c > 0),
            KlFromUniform = Math.Max(0, kl),
            Seconds = seconds,
        };
    }

    /// <summary>One line, e.g. "real Stacked MNIST, N = 10,000: 1,000 of 1,000 modes, KL(q ‖ uniform) = 0.062 nats, 91% of digits read confidently (998 modes among images read confidently)".</summary>
    public override string ToString()
    {
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{Samples}, N = {SampleCount:N0}: {ModesCovered:N0} of {Data.StackedMnist.ModeCount:N0} modes, KL(q ‖ uniform) = {KlFromUniform:F3} nats");
        if (ConfidentShare is { } share)
            counts += string.Create(CultureInfo.InvariantCulture, $", {share * 100:F0}% of digits read confidently");
        if (ConfidentModesCovered is { } strict)
            counts += string.Create(CultureInfo.InvariantCulture, $" ({strict:N0} modes among images read confidently)");
        return counts;
    }
}
