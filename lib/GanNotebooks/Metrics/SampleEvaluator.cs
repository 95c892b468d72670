using GanNotebooks.Data;
using GanNotebooks.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>
/// Scores generated images [N, 1, 28, 28] in [-1, 1] against a data set's held-out test split with every metric
/// (Fréchet distance, Inception Score, class coverage, precision and recall, and, for conditional samples, the
/// accuracy of the requested labels) and returns one <see cref="EvaluationReport"/>. The test split's features are
/// computed once, so comparing several runs costs only their own forward passes:
/// <c>using var evaluator = SampleEvaluator.Create(DataSetName.Mnist); evaluator.Evaluate(samples)</c>.
/// Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed class SampleEvaluator : IDisposable
{
    private readonly Tensor referenceFeatures;
    private readonly bool ownsClassifier;

    /// <summary>An evaluator comparing with the images of <paramref name="reference"/> (normally the test split).</summary>
    public SampleEvaluator(EvaluationClassifier classifier, ImageDataSet reference, EvaluationOptions? options = null)
        : this(classifier, reference, options, ownsClassifier: false) { }

    private SampleEvaluator(EvaluationClassifier classifier, ImageDataSet reference, EvaluationOptions? options, bool ownsClassifier)
    {
        if (reference.Name != classifier.DataSet)
            throw new ArgumentException($"the classifier was trained on {classifier.DataSet.ToDisplayName()}, the reference images are {reference.Name.ToDisplayName()}.", nameof(reference));
        Options = (options ?? new EvaluationOptions()).Validate();
        Classifier = classifier;
        this.ownsClassifier = ownsClassifier;
        ReferenceCount = reference.Count;
        IsSubset = reference.IsSubset || classifier.IsSubset;
        var (features, probabilities) = classifier.Embed(reference.Images, Options.BatchSize);
        probabilities.Dispose();
        referenceFeatures = features;
    }

    /// <summary>
    /// Loads (or, the first time, trains) the classifier of <paramref name="name"/> and uses its test split as the
    /// reference; the evaluator owns the classifier. See <see cref="ClassifierCache.LoadOrTrain"/> for the arguments.
    /// </summary>
    /// <exception cref="DataSetNotFoundException">The data set has not been fetched.</exception>
    public static SampleEvaluator Create(DataSetName name, EvaluationOptions? options = null, IProgress<ClassifierProgress>? progress = null,
        TextWriter? log = null, string? dataRoot = null, CancellationToken cancellationToken = default)
    {
        GanNotebooks.Hardware.CpuKernels.EnsureIfPossible();
        var classifier = ClassifierCache.LoadOrTrain(name, null, progress, log, dataRoot, cancellationToken);
        try
        {
            using var test = DataSets.Load(name, DataSplit.Test, dataRoot);
            return new SampleEvaluator(classifier, test, options, ownsClassifier: true);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    /// <summary>The classifier whose features and probabilities the metrics use.</summary>
    public EvaluationClassifier Classifier { get; }

    /// <summary>The settings.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>Number of reference images.</summary>
    public int ReferenceCount { get; }

    /// <summary>True when the reference data or the classifier's training data is a subset.</summary>
    public bool IsSubset { get; }

    /// <summary>
    /// Every metric for <paramref name="images"/> [N, 1, 28, 28] in [-1, 1] (N ≥ K + 1); with
    /// <paramref name="requestedLabels"/> [N], also the requested-label accuracy. <paramref name="description"/>
    /// names the samples in the report.
    /// </summary>
    public EvaluationReport Evaluate(Tensor images, Tensor? requestedLabels = null, string description = "generated batch")
    {
        if (images.dim() != 4 || images.shape[0] <= Options.K)
            throw new ArgumentException($"expected images [N, 1, 28, 28] with N > k = {Options.K}, got shape [{string.Join(", ", images.shape)}].", nameof(images));
        if (requestedLabels is not null && (requestedLabels.dim() != 1 || requestedLabels.shape[0] != images.shape[0]))
            throw new ArgumentException($"{images.shape[0]} images but {requestedLabels.shape[0]} requested labels.", nameof(requestedLabels));
        using var scope = NewDisposeScope();
        var (features, probabilities) = Classifier.Embed(images, Options.BatchSize);
        return new EvaluationReport
        {
            Samples = description,
            SampleCount = (int)images.shape[0],
            DataSet = Classifier.DataSet.ToKey(),
            IsSubset = IsSubset,
            ReferenceCount = ReferenceCount,
            ClassifierTestAccuracy = Classifier.TestAccuracy,
            FrechetDistance = FrechetDistance.Compute(features, referenceFeatures),
            InceptionScore = InceptionScore.Compute(probabilities),
            Coverage = ModeCoverage.FromProbabilities(probabilities, Options.MinClassShare),
            PrecisionRecall = PrecisionRecall.Compute(referenceFeatures, features, Options.K, Options.DistanceBlockRows),
            LabelAccuracy = requestedLabels is null ? null : LabelAccuracy.Compute(probabilities, requestedLabels),
        };
    }

    /// <summary>
    /// Every metric for an exported <c>samples.idx3-ubyte</c> (and, for conditional samples, its
    /// <c>labels.idx1-ubyte</c>).
    /// </summary>
    /// <exception cref="DataFileException">A file is missing, corrupt or not 28 × 28 images, the counts differ, or a label is not a class.</exception>
    public EvaluationReport EvaluateFile(string samplesPath, string? labelsPath = null)
    {
        using var scope = NewDisposeScope();
        var images = SampleExport.ReadImages(samplesPath);
        if (images.shape[2] != 28 || images.shape[3] != 28)
            throw new DataFileException(samplesPath, $"{samplesPath}: images are {images.shape[2]} × {images.shape[3]}; the evaluation classifiers take 28 × 28.");
        Tensor? labels = null;
        if (labelsPath is not null)
        {
            var bytes = IdxReader.ReadLabels(labelsPath);
            if (bytes.Length != images.shape[0])
                throw new DataFileException(labelsPath, $"{labelsPath}: holds {bytes.Length:N0} labels but {samplesPath} holds {images.shape[0]:N0} images.");
            var classes = DataSets.ClassNamesOf(Classifier.DataSet).Count;
            var bad = Array.FindIndex(bytes, b => b >= classes);
            if (bad >= 0)
                throw new DataFileException(labelsPath, $"{labelsPath}: label {bytes[bad]} at index {bad:N0} is not a class (expected 0 to {classes - 1}).");
            labels = tensor(bytes.Select(b => (long)b).ToArray());
        }
        return Evaluate(images, labels, Path.GetFullPath(samplesPath));
    }

    /// <summary>Frees the reference features (and the classifier, when this evaluator loaded it).</summary>
    public void Dispose()
    {
        referenceFeatures.Dispose();
        if (ownsClassifier) Classifier.Dispose();
    }
}
