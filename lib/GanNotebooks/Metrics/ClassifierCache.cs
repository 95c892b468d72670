using System.Diagnostics;
using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;
using GanNotebooks.IO;

namespace GanNotebooks.Metrics;

/// <summary>
/// The on-disk cache of evaluation classifiers, one per data set in <c>&lt;DataRoot&gt;/&lt;set&gt;/classifier/</c>:
/// <c>classifier.weights</c> (TorchSharp's format, written atomically) and <c>manifest.json</c>
/// (<see cref="ClassifierManifest"/>). <see cref="LoadOrTrain"/> loads a valid cache and otherwise trains on the
/// training split, measures accuracy on the test split and saves. Introduced in notebook 07-evaluating-gans.
/// </summary>
public static class ClassifierCache
{
    /// <summary>Name of the weights file inside the cache folder.</summary>
    public const string WeightsFileName = "classifier.weights";

    /// <summary>The cache folder of a data set: <c>&lt;dataRoot&gt;/&lt;set&gt;/classifier</c>.</summary>
    public static string FolderOf(DataSetName name, string? dataRoot = null) =>
        Path.Combine(DataSets.FolderOf(name, dataRoot), "classifier");

    /// <summary>
    /// The classifier for <paramref name="name"/>: loaded from its cache when that is valid, otherwise trained (a
    /// minute or two on two CPU cores), saved and returned. Progress goes to <paramref name="progress"/> after each
    /// step and to <paramref name="log"/> (default the console) as one line per epoch; why a cache was not used is
    /// logged too.
    /// </summary>
    /// <exception cref="DataSetNotFoundException">The data set has not been fetched.</exception>
    public static EvaluationClassifier LoadOrTrain(DataSetName name, ClassifierOptions? options = null,
        IProgress<ClassifierProgress>? progress = null, TextWriter? log = null, string? dataRoot = null,
        CancellationToken cancellationToken = default)
    {
        var o = (options ?? new ClassifierOptions()).Validate();
        log ??= Console.Out;
        var folder = FolderOf(name, dataRoot);
        var identity = DataSetIdentity.Of(name, dataRoot);
        // A valid cache loads without the lock, so a read-only data folder (a grading sandbox, a shared course copy) works.
        if (TryLoad(name, folder, Check(folder, identity, o), log, out _) is { } cached) return cached;
        // One process trains at a time; one that waited then finds the other's classifier in the cache.
        using var trainingLock = TakeLock(folder, log, cancellationToken);
        if (TryLoad(name, folder, Check(folder, identity, o), log, out var check) is { } trainedMeanwhile) return trainedMeanwhile;
        if (check.Status != ClassifierCacheStatus.Missing)
            log.WriteLine($"The cached {name.ToDisplayName()} evaluation classifier is not used: {check.Reason}. Retraining.");
        return TrainAndSave(name, o, identity, folder, progress, log, dataRoot, cancellationToken);
    }

    /// <summary>Whether the cache in <paramref name="folder"/> is valid for <paramref name="identity"/> and <paramref name="options"/>, and if not, why.</summary>
    public static ClassifierCacheCheck Check(string folder, DataSetIdentity identity, ClassifierOptions options)
    {
        var weights = Path.Combine(folder, WeightsFileName);
        ClassifierManifest? manifest;
        try { manifest = ClassifierManifest.TryRead(folder); }
        catch (DataFileException e) { return new(ClassifierCacheStatus.Corrupt, e.Message, null); }
        if (manifest is null || !File.Exists(weights))
            return new(ClassifierCacheStatus.Missing, $"no cached classifier in {folder}", manifest);
        var actual = FileHashes.Sha256(weights);
        if (!string.Equals(actual, manifest.WeightsSha256, StringComparison.OrdinalIgnoreCase))
            return new(ClassifierCacheStatus.Corrupt,
                $"{weights} is corrupt: its SHA-256 is {actual[..12]}…, the manifest says {manifest.WeightsSha256[..Math.Min(12, manifest.WeightsSha256.Length)]}…", manifest);
        if (manifest.Architecture != ClassifierManifest.CurrentArchitecture)
            return new(ClassifierCacheStatus.Stale, $"it is a {manifest.Architecture} network, this version uses {ClassifierManifest.CurrentArchitecture}", manifest);
        if (manifest.Options != options)
            return new(ClassifierCacheStatus.Stale, $"it was trained with other options ({manifest.Options})", manifest);
        var difference = identity.DifferenceFrom(manifest.Data);
        if (difference is not null)
            return new(ClassifierCacheStatus.Stale, $"the data set changed since it was trained: {difference}", manifest);
        return new(ClassifierCacheStatus.Valid, $"valid classifier in {folder}", manifest);
    }

    private static EvaluationClassifier TrainAndSave(DataSetName name, ClassifierOptions options, DataSetIdentity identity,
        string folder, IProgress<ClassifierProgress>? progress, TextWriter log, string? dataRoot, CancellationToken cancellationToken)
    {
        using var train = DataSets.Load(name, DataSplit.Train, dataRoot);
        using var test = DataSets.Load(name, DataSplit.Test, dataRoot);
        var trainCount = Math.Min(train.Count, options.TrainLimit ?? int.MaxValue);
        log.WriteLine($"Training the {name.ToDisplayName()} evaluation classifier on {trainCount:N0} images ({options.Epochs} epochs; once, then cached in {folder})"
            + (train.IsSubset ? ". The data set is a SUBSET, so its accuracy is lower than on the full set." : "."));
        var clock = Stopwatch.StartNew();
        var reporter = new EpochLog(log, clock, progress);
        var network = ClassifierTrainer.Train(train.Images, train.Labels, train.ClassNames.Count, options, reporter, cancellationToken);
        var accuracy = ClassifierTrainer.Accuracy(network, test.Images, test.Labels);
        var seconds = clock.Elapsed.TotalSeconds;
        var classifier = new EvaluationClassifier(network, name, accuracy, train.IsSubset);
        classifier.Save(folder, identity, options, trainCount, test.Count, seconds);
        log.WriteLine($"Test accuracy {accuracy * 100:F2}% on {test.Count:N0} test images after {seconds:F0} s; saved to {folder}.");
        return classifier;
    }

    /// <summary>The cached classifier when <paramref name="check"/> found it valid and it loads; otherwise null, with <paramref name="result"/> saying why.</summary>
    private static EvaluationClassifier? TryLoad(DataSetName name, string folder, ClassifierCacheCheck check, TextWriter log, out ClassifierCacheCheck result)
    {
        result = check;
        if (check.Status != ClassifierCacheStatus.Valid) return null;
        try
        {
            var loaded = EvaluationClassifier.Load(folder, check.Manifest!, name);
            log.WriteLine($"{name.ToDisplayName()} evaluation classifier loaded from {folder} (test accuracy {loaded.TestAccuracy * 100:F2}%).");
            return loaded;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            result = new ClassifierCacheCheck(ClassifierCacheStatus.Corrupt, $"{Path.Combine(folder, WeightsFileName)} could not be loaded ({e.Message})", null);
            return null;
        }
    }

    private static FileStream TakeLock(string folder, TextWriter log, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ".training.lock");
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw NotWritable(folder, e);
        }
        for (var told = false; ; told = true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw NotWritable(folder, e);
            }
            catch (IOException e)
            {
                // Held by another process, or a folder nothing can be written to (a read-only file system): only the first is worth waiting for.
                if (!CanCreateFileIn(folder)) throw NotWritable(folder, e);
                if (!told) log.WriteLine($"Another process is training this classifier; waiting for it (lock {path}).");
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(500));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static bool CanCreateFileIn(string folder)
    {
        var probe = Path.Combine(folder, $".write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None)) { }
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IOException NotWritable(string folder, Exception cause) =>
        new($"The evaluation classifier has to be trained (once) and saved in {folder}, but that folder cannot be written ({cause.Message}). " +
            "Run ./gan evaluate on any samples file once where the data folder is writable, or point GAN_DATA_DIR at a writable copy of data/.", cause);

    private sealed class EpochLog(TextWriter log, Stopwatch clock, IProgress<ClassifierProgress>? inner) : IProgress<ClassifierProgress>
    {
        public void Report(ClassifierProgress value)
        {
            inner?.Report(value);
            if (value.Step == value.StepsPerEpoch)
                log.WriteLine($"  epoch {value.Epoch}/{value.Epochs} done, last batch loss {value.Loss:F4}, {clock.Elapsed.TotalSeconds:F0} s");
        }
    }
}
