using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Data;

/// <summary>
/// Stacked MNIST, the 1,000-mode benchmark for mode collapse (Metz et al. 2017; Lin et al. 2018, PacGAN): each
/// image is three MNIST digits stacked as its red, green and blue channels, float32 [N, 3, 28, 28] in [-1, 1]. Its
/// mode is the three-digit number 100·r + 10·g + b (000 to 999).
/// <para>
/// Construction, for each of the <see cref="Count"/> images and each channel independently: draw a digit class
/// uniformly from 0–9, then one image of that class uniformly (with replacement) from the chosen MNIST split. All
/// draws come from one TorchSharp generator seeded with <see cref="Seed"/>, so the same seed, split and data files
/// give the same images. Drawing the class first makes every one of the 1,000 modes equally likely even though
/// MNIST's classes are not equally frequent (the offline subset has 763 fives and 1,027 ones).
/// </para>
/// Build it with <see cref="Create"/>; dispose it to free the tensors. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed class StackedMnist : IDisposable
{
    /// <summary>Number of digit classes per channel.</summary>
    public const int DigitClasses = 10;

    /// <summary>Number of modes: 10³ = 1,000.</summary>
    public const int ModeCount = 1000;

    /// <summary>Channels per image (red, green, blue).</summary>
    public const int Channels = 3;

    private StackedMnist(Tensor images, Tensor digitLabels, Tensor modes, int seed, DataSplit split, int digitCount, bool isSubset, string source)
    {
        Images = images;
        DigitLabels = digitLabels;
        Modes = modes;
        Seed = seed;
        Split = split;
        DigitCount = digitCount;
        IsSubset = isSubset;
        Source = source;
    }

    /// <summary>The stacked images: float32 [N, 3, 28, 28] in [-1, 1]; channel 0 (red) holds the hundreds digit.</summary>
    public Tensor Images { get; }

    /// <summary>The digit of each channel: int64 [N, 3], columns red, green, blue.</summary>
    public Tensor DigitLabels { get; }

    /// <summary>The mode of each image: int64 [N], 100·red + 10·green + blue.</summary>
    public Tensor Modes { get; }

    /// <summary>Number of stacked images (N).</summary>
    public int Count => (int)Images.shape[0];

    /// <summary>The seed of the draws.</summary>
    public int Seed { get; }

    /// <summary>The MNIST split the digits were drawn from.</summary>
    public DataSplit Split { get; }

    /// <summary>Number of MNIST digits the draws chose from (the size of the split: 9,000 train images offline).</summary>
    public int DigitCount { get; }

    /// <summary>True when the MNIST files are a subset of the canonical data set (the offline fallback).</summary>
    public bool IsSubset { get; }

    /// <summary>Where the MNIST files came from (from their <c>SOURCE.json</c>).</summary>
    public string Source { get; }

    /// <summary>
    /// <paramref name="count"/> stacked images drawn from the MNIST <paramref name="split"/> in
    /// <paramref name="dataRoot"/> (default the kit's data folder) with <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="DataSetNotFoundException">MNIST has not been fetched; the message says how.</exception>
    public static StackedMnist Create(int count, int seed, DataSplit split = DataSplit.Train, string? dataRoot = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var digits = DataSets.Load(DataSetName.Mnist, split, dataRoot);
        return FromDigits(digits, count, seed);
    }

    /// <summary>
    /// <paramref name="count"/> stacked images drawn with <paramref name="seed"/> from <paramref name="digits"/>
    /// (MNIST images [M, 1, 28, 28] in [-1, 1] with labels 0–9; every class must be present).
    /// </summary>
    public static StackedMnist FromDigits(ImageDataSet digits, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (digits.Name != DataSetName.Mnist || digits.Images.shape[1] != 1)
            throw new ArgumentException($"Stacked MNIST stacks grey MNIST digits; got {digits}.", nameof(digits));
        var missing = digits.ClassCounts().ToList().FindIndex(n => n == 0);
        if (missing >= 0)
            throw new ArgumentException($"the MNIST {digits.Split.ToString().ToLowerInvariant()} split has no image of digit {missing}; fetch MNIST again (./gan data fetch mnist).", nameof(digits));

        using var scope = NewDisposeScope();
        var byClass = IndicesByClass(digits);
        using var random = new Generator((ulong)seed);
        var labels = randint(0, DigitClasses, [count, Channels], ScalarType.Int64, generator: random);
        var picks = rand([count, Channels], ScalarType.Float64, generator: random);
        var labelValues = labels.data<long>().ToArray();
        var pickValues = picks.data<double>().ToArray();
        var rows = new long[labelValues.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var pool = byClass[labelValues[i]];
            rows[i] = pool[Math.Min(pool.Length - 1, (int)(pickValues[i] * pool.Length))];
        }
        // rows is [N, 3] row-major, so image i takes digits rows[3i], rows[3i + 1], rows[3i + 2] as r, g, b.
        var images = digits.Images.index_select(0, tensor(rows)).view(count, Channels, 28, 28);
        var modes = labels.select(1, 0).mul(100) + labels.select(1, 1).mul(10) + labels.select(1, 2);
        return new StackedMnist(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), modes.MoveToOuterDisposeScope(),
            seed, digits.Split, digits.Count, digits.IsSubset, digits.Source);
    }

    /// <summary>Number of images of each mode: element k counts the images whose mode is k (0 to 999).</summary>
    public int[] ModeHistogram()
    {
        var histogram = new int[ModeCount];
        foreach (var mode in Modes.data<long>()) histogram[mode]++;
        return histogram;
    }

    /// <summary>A one-line description, e.g. for a notebook cell's output (says SUBSET for the offline MNIST).</summary>
    public override string ToString() =>
        $"Stacked MNIST: {Count:N0} images [{string.Join(", ", Images.shape)}], seed {Seed}, three digits per image drawn from "
        + $"{DigitCount:N0} MNIST {Split.ToString().ToLowerInvariant()} images" + (IsSubset ? " (SUBSET)" : "") + $". {Source}";

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        DigitLabels.Dispose();
        Modes.Dispose();
    }

    private static long[][] IndicesByClass(ImageDataSet digits)
    {
        var labels = digits.Labels.data<long>().ToArray();
        return Enumerable.Range(0, DigitClasses)
            .Select(c => Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).Select(i => (long)i).ToArray())
            .ToArray();
    }
}
