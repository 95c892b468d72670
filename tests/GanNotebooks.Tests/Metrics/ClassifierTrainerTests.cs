using System.Diagnostics;
using GanNotebooks.Data;
using GanNotebooks.Metrics;
using GanNotebooks.Tests.Data;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class ClassifierTrainerTests(ITestOutputHelper output)
{
    private static (Tensor Images, Tensor Labels) Shapes(int count, int seed)
    {
        var pixels = SyntheticShapes.Images(count, seed, out var labels);
        var images = tensor(pixels.Select(p => p / 127.5f - 1).ToArray(), [count, 1, 28, 28]);
        return (images, tensor(labels.Select(l => (long)l).ToArray()));
    }

    [Fact]
    public void Training_is_repeatable_from_the_seed_and_leaves_the_global_random_state_alone()
    {
        var (images, labels) = Shapes(300, 1);
        var options = new ClassifierOptions { Epochs = 1, BatchSize = 50 };
        manual_seed(123);
        var expectedNext = randn(5).data<float>().ToArray();
        manual_seed(123);

        using var first = ClassifierTrainer.Train(images, labels, 10, options);
        var next = randn(5).data<float>().ToArray();
        using var second = ClassifierTrainer.Train(images, labels, 10, options);
        using var third = ClassifierTrainer.Train(images, labels, 10, options with { Seed = 7 });

        Assert.Equal(expectedNext, next);
        using var x = images.narrow(0, 0, 20);
        Assert.Equal(first.forward(x).data<float>().ToArray(), second.forward(x).data<float>().ToArray());
        Assert.NotEqual(first.forward(x).data<float>().ToArray(), third.forward(x).data<float>().ToArray());
    }

    [Fact]
    public void Options_reject_bad_values_naming_the_setting()
    {
        Assert.Contains("ClassifierOptions.Epochs", Assert.Throws<ArgumentException>(() => new ClassifierOptions { Epochs = 0 }.Validate()).Message);
        Assert.Contains("ClassifierOptions.LearningRate", Assert.Throws<ArgumentException>(() => new ClassifierOptions { LearningRate = -1 }.Validate()).Message);
        Assert.Contains("ClassifierOptions.TrainLimit", Assert.Throws<ArgumentException>(() => new ClassifierOptions { TrainLimit = 0 }.Validate()).Message);
        Assert.Throws<ArgumentException>(() => ClassifierTrainer.Train(zeros(4, 1, 28, 28), zeros(3, ScalarType.Int64), 10));
    }

    /// <summary>SLOW (under 1 minute on 2 idle cores, 4 to 8 minutes when other jobs load them): trains on all 60,000 Fashion-MNIST images.</summary>
    [Trait("Cost", "slow")]
    [RequiresDataSetFact(DataSetName.FashionMnist)]
    public void SLOW_trains_a_fashion_mnist_classifier_to_at_least_90_percent()
    {
        using var temp = new TempFolder();
        var source = DataSets.FolderOf(DataSetName.FashionMnist);
        var target = DataSets.FolderOf(DataSetName.FashionMnist, temp.Path);
        Directory.CreateDirectory(target);
        foreach (var file in DataSets.FileNames.Append(DataSetSource.FileName).Where(f => File.Exists(Path.Combine(source, f))))
            File.Copy(Path.Combine(source, file), Path.Combine(target, file));
        var log = new StringWriter();
        var clock = Stopwatch.StartNew();

        using var classifier = ClassifierCache.LoadOrTrain(DataSetName.FashionMnist, null, null, log, temp.Path);

        output.WriteLine(log.ToString());
        output.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F0} s, test accuracy {classifier.TestAccuracy:P2}");
        Assert.Contains("on 60,000 images", log.ToString());
        Assert.True(classifier.TestAccuracy >= 0.90, $"test accuracy {classifier.TestAccuracy:P2} is below 90%");
    }
}
