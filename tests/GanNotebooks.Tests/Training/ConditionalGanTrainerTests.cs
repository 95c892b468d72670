using GanNotebooks.Models;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

public sealed class ConditionalGanTrainerTests
{
    private static readonly MlpGanConfig Tiny = new() { LatentSize = 8, ImageSize = 4, GeneratorHidden = [32], DiscriminatorHidden = [32] };

    private static GanTrainer NewTrainer(long seed, double learningRate = 1e-3)
    {
        manual_seed(seed);
        var adam = new OptimizerSettings { LearningRate = learningRate };
        return new GanTrainer(ConditionalGenerator.Mlp(2, Tiny, 4), new ConditionalMlpDiscriminator(2, Tiny, 4), 2,
            new GanTrainerOptions { LatentSize = 8, Seed = seed, FixedNoiseCount = 6, GeneratorOptimizer = adam, DiscriminatorOptimizer = adam });
    }

    /// <summary>Class 0 is dark (−0.6), class 1 bright (+0.6): a generator that obeys its label must learn both.</summary>
    private static (Tensor Images, Tensor Labels) TwoClasses(int count)
    {
        var labels = arange(count, ScalarType.Int64).remainder(2);
        var images = (labels.to_type(ScalarType.Float32) * 1.2f - 0.6f).view(count, 1, 1, 1).expand(count, 1, 4, 4)
                     + 0.05f * randn(count, 1, 4, 4, generator: new Generator(3));
        return (images.contiguous(), labels);
    }

    [Fact]
    public void The_generator_learns_what_each_label_asks_for()
    {
        var (images, labels) = TwoClasses(512);
        using var trainer = NewTrainer(4);
        for (int step = 0; step < 400; step++)
        {
            int at = step * 64 % 512;
            trainer.TrainStep(images.narrow(0, at, 64), labels.narrow(0, at, 64));
        }
        using var dark = trainer.Sample(zeros(200, ScalarType.Int64));
        using var bright = trainer.Sample(ones(200, ScalarType.Int64));
        Assert.True(Math.Abs(dark.mean().item<float>() + 0.6) < 0.15, $"label 0 mean {dark.mean().item<float>()}");
        Assert.True(Math.Abs(bright.mean().item<float>() - 0.6) < 0.15, $"label 1 mean {bright.mean().item<float>()}");
    }

    [Fact]
    public void Fixed_noise_comes_with_cycling_labels_and_samples_are_balanced()
    {
        using var trainer = NewTrainer(5);
        Assert.Equal([0L, 1, 0, 1, 0, 1], trainer.FixedLabels!.data<long>().ToArray());
        using var fixedSamples = trainer.SampleFixed();
        Assert.Equal(new long[] { 6, 1, 4, 4 }, fixedSamples.shape);
        using var samples = trainer.Sample(10);
        Assert.Equal(10, samples.shape[0]);
    }

    [Fact]
    public void Steps_without_labels_are_refused()
    {
        using var trainer = NewTrainer(6);
        using var images = zeros(8, 1, 4, 4);
        Assert.Throws<ArgumentNullException>(() => trainer.TrainStep(images));
    }

    [Fact]
    public void The_same_seed_gives_the_same_conditional_run()
    {
        var (images, labels) = TwoClasses(128);
        using var a = NewTrainer(7);
        using var b = NewTrainer(7);
        for (int i = 0; i < 10; i++)
        {
            a.TrainStep(images.narrow(0, i * 8, 32), labels.narrow(0, i * 8, 32));
            b.TrainStep(images.narrow(0, i * 8, 32), labels.narrow(0, i * 8, 32));
        }
        Assert.Equal(a.History.Steps, b.History.Steps);
    }
}
