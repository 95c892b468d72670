using GanNotebooks.Data;
using GanNotebooks.Metrics;
using GanNotebooks.Tests.Data;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class ClassifierCacheTests
{
    private static readonly ClassifierOptions Quick = new() { Epochs = 1, BatchSize = 32 };

    private static float[] Probabilities(EvaluationClassifier classifier, Tensor images)
    {
        var (features, probabilities) = classifier.Embed(images);
        using (features)
        using (probabilities)
            return probabilities.data<float>().ToArray();
    }

    [Fact]
    public void Trains_once_then_reloads_with_identical_predictions()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        using var test = DataSets.Load(DataSetName.Mnist, DataSplit.Test, temp.Path);
        var firstLog = new StringWriter();
        var steps = new List<ClassifierProgress>();

        float[] trained, reloaded;
        double accuracy;
        using (var classifier = ClassifierCache.LoadOrTrain(DataSetName.Mnist, Quick, new Recorder(steps), firstLog, temp.Path))
        {
            trained = Probabilities(classifier, test.Images);
            accuracy = classifier.TestAccuracy;
        }
        var secondLog = new StringWriter();
        using (var classifier = ClassifierCache.LoadOrTrain(DataSetName.Mnist, Quick, null, secondLog, temp.Path))
        {
            reloaded = Probabilities(classifier, test.Images);
            Assert.Equal(accuracy, classifier.TestAccuracy);
        }

        Assert.Contains("Training the MNIST evaluation classifier on 600 images", firstLog.ToString());
        Assert.Equal(19, steps.Count); // ⌈600 / 32⌉ steps of one epoch
        Assert.Equal(1.0, steps[^1].Fraction);
        Assert.InRange(accuracy, 0.95, 1); // the squares are easy
        Assert.Contains("loaded from", secondLog.ToString());
        Assert.DoesNotContain("Training", secondLog.ToString());
        Assert.Equal(trained, reloaded);
        var manifest = ClassifierManifest.TryRead(ClassifierCache.FolderOf(DataSetName.Mnist, temp.Path))!;
        Assert.Equal(accuracy, manifest.TestAccuracy);
        Assert.Equal(200, manifest.TestCount);
        Assert.Contains("SOURCE.json", manifest.Data.Files.Keys);
    }

    [Fact]
    public void A_corrupted_weights_file_is_detected_and_retrained()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        ClassifierCache.LoadOrTrain(DataSetName.Mnist, Quick, null, TextWriter.Null, temp.Path).Dispose();
        var folder = ClassifierCache.FolderOf(DataSetName.Mnist, temp.Path);
        var weights = Path.Combine(folder, ClassifierCache.WeightsFileName);
        var bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(weights, bytes);
        var identity = DataSetIdentity.Of(DataSetName.Mnist, temp.Path);

        var check = ClassifierCache.Check(folder, identity, Quick);
        var log = new StringWriter();
        ClassifierCache.LoadOrTrain(DataSetName.Mnist, Quick, null, log, temp.Path).Dispose();

        Assert.Equal(ClassifierCacheStatus.Corrupt, check.Status);
        Assert.Contains(weights, check.Reason);
        Assert.Contains("corrupt", check.Reason);
        Assert.Contains("Retraining", log.ToString());
        Assert.Equal(ClassifierCacheStatus.Valid, ClassifierCache.Check(folder, identity, Quick).Status);
    }

    [Fact]
    public void A_changed_data_set_or_other_options_make_the_cache_stale()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        ClassifierCache.LoadOrTrain(DataSetName.Mnist, Quick, null, TextWriter.Null, temp.Path).Dispose();
        var folder = ClassifierCache.FolderOf(DataSetName.Mnist, temp.Path);

        var otherOptions = ClassifierCache.Check(folder, DataSetIdentity.Of(DataSetName.Mnist, temp.Path), Quick with { Seed = 5 });
        SyntheticShapes.Write(temp.Path, trainCount: 610);
        var otherData = ClassifierCache.Check(folder, DataSetIdentity.Of(DataSetName.Mnist, temp.Path), Quick);

        Assert.Equal(ClassifierCacheStatus.Stale, otherOptions.Status);
        Assert.Contains("options", otherOptions.Reason);
        Assert.Equal(ClassifierCacheStatus.Stale, otherData.Status);
        Assert.Contains("train-images-idx3-ubyte.gz has changed", otherData.Reason);
    }

    [Fact]
    public void An_unreadable_manifest_is_corrupt_and_no_cache_is_missing()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        var identity = DataSetIdentity.Of(DataSetName.Mnist, temp.Path);
        var folder = ClassifierCache.FolderOf(DataSetName.Mnist, temp.Path);

        Assert.Equal(ClassifierCacheStatus.Missing, ClassifierCache.Check(folder, identity, Quick).Status);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ClassifierManifest.FileName), "{ not json");
        var check = ClassifierCache.Check(folder, identity, Quick);

        Assert.Equal(ClassifierCacheStatus.Corrupt, check.Status);
        Assert.Contains(ClassifierManifest.FileName, check.Reason);
    }

    [Fact]
    public void A_missing_data_set_names_the_fetch_command()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<DataSetNotFoundException>(() => ClassifierCache.LoadOrTrain(DataSetName.FashionMnist, Quick, null, TextWriter.Null, temp.Path));

        Assert.Contains("./gan data fetch fashion-mnist", error.Message);
    }

    [Fact]
    public void Two_callers_at_once_train_only_once()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        var logs = new[] { new StringWriter(), new StringWriter() };

        Parallel.For(0, 2, i => ClassifierCache.LoadOrTrain(DataSetName.Mnist, Quick, null, logs[i], temp.Path).Dispose());

        Assert.Single(logs, log => log.ToString().Contains("Training the MNIST"));
        Assert.Single(logs, log => log.ToString().Contains("loaded from"));
    }

    private sealed class Recorder(List<ClassifierProgress> steps) : IProgress<ClassifierProgress>
    {
        public void Report(ClassifierProgress value) => steps.Add(value);
    }
}
