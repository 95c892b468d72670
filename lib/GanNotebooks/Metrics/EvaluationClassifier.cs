using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;
using GanNotebooks.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>
/// A trained <see cref="ClassifierNetwork"/> for one data set, as the metrics use it: <see cref="Embed"/> maps
/// images to feature vectors and class probabilities. Get one with <see cref="ClassifierCache.LoadOrTrain"/>
/// (trained once, then cached); dispose it to free the weights. Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed class EvaluationClassifier : IDisposable
{
    /// <summary>Wraps a trained network.</summary>
    public EvaluationClassifier(ClassifierNetwork network, DataSetName dataSet, double testAccuracy, bool isSubset)
    {
        Network = network;
        DataSet = dataSet;
        TestAccuracy = testAccuracy;
        IsSubset = isSubset;
        network.eval();
    }

    /// <summary>The network.</summary>
    public ClassifierNetwork Network { get; }

    /// <summary>The data set it was trained on.</summary>
    public DataSetName DataSet { get; }

    /// <summary>Share of the data set's test split it classifies correctly.</summary>
    public double TestAccuracy { get; }

    /// <summary>True when it was trained on a subset of the canonical data set.</summary>
    public bool IsSubset { get; }

    /// <summary>Class names by index.</summary>
    public IReadOnlyList<string> ClassNames => DataSets.ClassNamesOf(DataSet);

    /// <summary>
    /// Features [N, 128] (the penultimate layer) and class probabilities [N, K] (softmax of the logits) of images
    /// [N, 1, 28, 28] in [-1, 1], in blocks of <paramref name="batchSize"/> without gradients.
    /// </summary>
    public (Tensor Features, Tensor Probabilities) Embed(Tensor images, int batchSize = 500)
    {
        if (images.dim() != 4 || images.shape[1] != 1 || images.shape[2] != 28 || images.shape[3] != 28)
            throw new ArgumentException($"expected images [N, 1, 28, 28], got shape [{string.Join(", ", images.shape)}].", nameof(images));
        if (batchSize < 1) throw new ArgumentException($"batchSize = {batchSize} must be at least 1.", nameof(batchSize));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var features = new List<Tensor>();
        var probabilities = new List<Tensor>();
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            var block = images.narrow(0, start, Math.Min(batchSize, images.shape[0] - start)).to_type(ScalarType.Float32);
            var (f, logits) = Network.ForwardWithFeatures(block);
            features.Add(f);
            probabilities.Add(logits.softmax(1));
        }
        return (cat(features, 0).MoveToOuterDisposeScope(), cat(probabilities, 0).MoveToOuterDisposeScope());
    }

    /// <summary>Writes the weights (atomically) and then the manifest into <paramref name="folder"/>.</summary>
    public void Save(string folder, DataSetIdentity identity, ClassifierOptions options, int trainCount, int testCount, double trainingSeconds)
    {
        var weights = Path.Combine(folder, ClassifierCache.WeightsFileName);
        AtomicFile.Write(weights, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            Network.save(writer);
        });
        new ClassifierManifest
        {
            Architecture = ClassifierManifest.CurrentArchitecture,
            Options = options,
            Classes = Network.Classes,
            WeightsSha256 = FileHashes.Sha256(weights),
            Data = identity,
            TestAccuracy = TestAccuracy,
            TrainCount = trainCount,
            TestCount = testCount,
            IsSubset = IsSubset,
            TrainingSeconds = Math.Round(trainingSeconds, 1),
            CreatedUtc = DateTimeOffset.UtcNow,
        }.Write(folder);
    }

    /// <summary>Loads the weights in <paramref name="folder"/> described by <paramref name="manifest"/> (check it first with <see cref="ClassifierCache.Check"/>).</summary>
    public static EvaluationClassifier Load(string folder, ClassifierManifest manifest, DataSetName dataSet)
    {
        var weights = Path.Combine(folder, ClassifierCache.WeightsFileName);
        var network = GlobalRandomState.Isolated(manifest.Options.Seed, () => new ClassifierNetwork(manifest.Classes));
        try
        {
            using var reader = new BinaryReader(File.OpenRead(weights));
            network.load(reader);
        }
        catch
        {
            network.Dispose();
            throw;
        }
        return new EvaluationClassifier(network, dataSet, manifest.TestAccuracy, manifest.IsSubset);
    }

    /// <summary>Frees the weights.</summary>
    public void Dispose() => Network.Dispose();
}
