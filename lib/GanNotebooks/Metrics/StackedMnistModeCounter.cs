using System.Diagnostics;
using GanNotebooks.Data;
using GanNotebooks.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>
/// Counts the modes of Stacked MNIST images [N, 3, 28, 28] in [-1, 1]: the kit's MNIST
/// <see cref="EvaluationClassifier"/> reads the digit of each channel (its most likely class), the three digits
/// give the mode 100·r + 10·g + b, and the modes give a <see cref="StackedMnistModes"/> (modes covered, histogram,
/// KL from uniform). All channels of a block of images are classified in one batched forward pass without
/// gradients. Count real Stacked MNIST at the same N as the generated images for the ceiling:
/// <c>using var counter = StackedMnistModeCounter.Create(); counter.Count(samples)</c>.
/// Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed class StackedMnistModeCounter : IDisposable
{
    /// <summary>Default number of stacked images per forward pass (3,000 single digits).</summary>
    public const int DefaultBatchSize = 1000;

    private readonly bool ownsClassifier;

    /// <summary>A counter using <paramref name="classifier"/> (an MNIST classifier), <paramref name="batchSize"/> stacked images at a time.</summary>
    public StackedMnistModeCounter(EvaluationClassifier classifier, int batchSize = DefaultBatchSize)
        : this(classifier, batchSize, ownsClassifier: false) { }

    private StackedMnistModeCounter(EvaluationClassifier classifier, int batchSize, bool ownsClassifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        if (classifier.DataSet != DataSetName.Mnist)
            throw new ArgumentException($"Stacked MNIST modes are read by the MNIST classifier, not the {classifier.DataSet.ToDisplayName()} one.", nameof(classifier));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the batch size must be at least 1 image.");
        Classifier = classifier;
        BatchSize = batchSize;
        this.ownsClassifier = ownsClassifier;
    }

    /// <summary>
    /// A counter with the kit's cached MNIST evaluation classifier (trained and cached the first time, see
    /// <see cref="ClassifierCache.LoadOrTrain"/>); the counter owns it.
    /// </summary>
    /// <exception cref="DataSetNotFoundException">MNIST has not been fetched.</exception>
    public static StackedMnistModeCounter Create(TextWriter? log = null, string? dataRoot = null, int batchSize = DefaultBatchSize)
    {
        var classifier = ClassifierCache.LoadOrTrain(DataSetName.Mnist, log: log, dataRoot: dataRoot);
        try
        {
            return new StackedMnistModeCounter(classifier, batchSize, ownsClassifier: true);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    /// <summary>The MNIST classifier that reads each channel.</summary>
    public EvaluationClassifier Classifier { get; }

    /// <summary>Stacked images per forward pass.</summary>
    public int BatchSize { get; }

    /// <summary>The classifier's digit for each channel: int64 [N, 3] (columns red, green, blue).</summary>
    public Tensor PredictDigits(Tensor images)
    {
        var (digits, confidence) = PredictDigitsAndConfidence(images);
        confidence.Dispose();
        return digits;
    }

    /// <summary>
    /// The classifier's digit for each channel, int64 [N, 3], and its probability for that digit, float32 [N, 3]:
    /// how sure it is of each reading.
    /// </summary>
    public (Tensor Digits, Tensor Confidence) PredictDigitsAndConfidence(Tensor images)
    {
        CheckShape(images);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Classifier.Network.eval();
        var digitBlocks = new List<Tensor>();
        var confidenceBlocks = new List<Tensor>();
        var count = images.shape[0];
        for (long start = 0; start < count; start += BatchSize)
        {
            var length = Math.Min(BatchSize, count - start);
            var digits = images.narrow(0, start, length).to_type(ScalarType.Float32).reshape(length * StackedMnist.Channels, 1, 28, 28);
            var (top, index) = Classifier.Network.forward(digits).softmax(1).max(1);
            digitBlocks.Add(index.view(length, StackedMnist.Channels));
            confidenceBlocks.Add(top.view(length, StackedMnist.Channels));
        }
        return (cat(digitBlocks, 0).MoveToOuterDisposeScope(), cat(confidenceBlocks, 0).MoveToOuterDisposeScope());
    }

    /// <summary>The mode of each image as the classifier reads it: int64 [N], 100·r + 10·g + b.</summary>
    public Tensor PredictModes(Tensor images)
    {
        using var scope = NewDisposeScope();
        var digits = PredictDigits(images);
        return (digits.select(1, 0).mul(100) + digits.select(1, 1).mul(10) + digits.select(1, 2)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Counts the modes of <paramref name="images"/> [N, 3, 28, 28] in [-1, 1]; <paramref name="samples"/> names them in
    /// the result, which also says what share of the 3·N digits (one per channel) the classifier read with confidence
    /// and how many modes the images read confidently in all three channels cover
    /// (<see cref="StackedMnistModes.ConfidentShare"/>).
    /// </summary>
    public StackedMnistModes Count(Tensor images, string samples = "generated samples")
    {
        var clock = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        var (digits, confidence) = PredictDigitsAndConfidence(images);
        var modes = digits.select(1, 0).mul(100) + digits.select(1, 1).mul(10) + digits.select(1, 2);
        var histogram = new int[StackedMnist.ModeCount];
        foreach (var mode in modes.data<long>()) histogram[mode]++;
        var confidentDigits = confidence.ge(StackedMnistModes.ConfidentProbability);
        var confidentShare = confidentDigits.to_type(ScalarType.Float64).mean().item<double>();
        var confidentModes = modes.masked_select(confidentDigits.all(1)).unique().Item1.numel();
        return StackedMnistModes.FromHistogram(histogram, samples, clock.Elapsed.TotalSeconds) with
        {
            ConfidentShare = confidentShare,
            ConfidentModesCovered = (int)confidentModes,
        };
    }

    /// <summary>The ceiling: the modes of real Stacked MNIST as the classifier reads them (not its true labels).</summary>
    public StackedMnistModes Count(StackedMnist real)
    {
        ArgumentNullException.ThrowIfNull(real);
        return Count(real.Images, $"real Stacked MNIST (seed {real.Seed}" + (real.IsSubset ? ", SUBSET digits)" : ")"));
    }

    /// <summary>Counts the modes of a <c>samples.idx4-ubyte</c> file (N × 3 × 28 × 28 unsigned bytes, as <see cref="SampleExport.WriteChannelImages"/> writes).</summary>
    /// <exception cref="DataFileException">The file is missing or corrupt, or its images are not 3 × 28 × 28.</exception>
    public StackedMnistModes CountFile(string path)
    {
        var full = Path.GetFullPath(path);
        using var images = SampleExport.ReadChannelImages(full);
        if (images.shape[1] != StackedMnist.Channels || images.shape[2] != 28 || images.shape[3] != 28)
            throw new DataFileException(full, $"{full}: images are {images.shape[1]} × {images.shape[2]} × {images.shape[3]}; Stacked MNIST samples are 3 × 28 × 28. "
                + "To fix it, export [N, 3, 28, 28] samples with SampleExport.WriteChannelImages.");
        return Count(images, full);
    }

    /// <summary>Frees the classifier when this counter loaded it.</summary>
    public void Dispose()
    {
        if (ownsClassifier) Classifier.Dispose();
    }

    private static void CheckShape(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.shape[0] < 1 || images.shape[1] != StackedMnist.Channels || images.shape[2] != 28 || images.shape[3] != 28)
            throw new ArgumentException($"expected Stacked MNIST images [N, 3, 28, 28] with N ≥ 1, got shape [{string.Join(", ", images.shape)}].", nameof(images));
    }
}
