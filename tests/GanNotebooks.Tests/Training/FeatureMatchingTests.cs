using GanNotebooks.Metrics.Toy;
using GanNotebooks.Models;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Toy;
using GanNotebooks.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

public sealed class FeatureMatchingTests(ITestOutputHelper output)
{
    [Fact]
    public void The_loss_is_the_squared_distance_between_the_batch_means_of_the_features()
    {
        using var real = tensor(new float[] { 1, 2, 3, 4 }).view(2, 2);     // mean (2, 3)
        using var fake = tensor(new float[] { 0, 0, 2, 2, 1, 1 }).view(3, 2); // mean (1, 1)
        using var loss = GanLosses.FeatureMatching(real, fake);
        Assert.Equal(1 * 1 + 2 * 2, loss.item<float>(), 5);
        using var same = GanLosses.FeatureMatching(real, real.flip(0));
        Assert.Equal(0f, same.item<float>());
        using var maps = randn(4, 3, 2, 2);
        using var zero = GanLosses.FeatureMatching(maps, maps);
        Assert.Equal(0f, zero.item<float>());
    }

    [Fact]
    public void Features_then_classify_is_the_forward_pass_of_the_mlp_and_dcgan_discriminators()
    {
        manual_seed(4);
        using var mlp = new MlpDiscriminator();
        using var dcgan = new DcganDiscriminator();
        mlp.eval();
        dcgan.eval();
        using var images = randn(3, 1, 28, 28);
        using var mlpFeatures = mlp.Features(images);
        using var dcganFeatures = dcgan.Features(images);
        Assert.Equal(new long[] { 3, 256 }, mlpFeatures.shape);
        Assert.Equal(new long[] { 3, 128, 7, 7 }, dcganFeatures.shape);
        using var a = mlp.Classify(mlpFeatures);
        using var b = mlp.forward(images);
        using var c = dcgan.Classify(dcganFeatures);
        using var d = dcgan.forward(images);
        Assert.True(a.allclose(b, rtol: 0, atol: 0));
        Assert.True(c.allclose(d, rtol: 0, atol: 0));
    }

    [Fact]
    public void Its_gradient_moves_the_generators_mean_features_onto_the_real_ones()
    {
        // D hardly moves (SGD at 1e-9), so its features are a fixed yardstick; the logged G loss is the feature distance.
        using var oneThread = new OneTorchThread();
        var ring = ToyDistribution.Ring();
        var config = new Toy2DGanConfig { GeneratorHidden = [32, 32], DiscriminatorHidden = [32, 32] };
        Seeds.Set(6);
        using var trainer = new GanTrainer(new Toy2DGenerator(config), new Toy2DDiscriminator(config), new GanTrainerOptions
        {
            LatentSize = 2, Seed = 6, GeneratorLoss = GeneratorLossKind.FeatureMatching,
            DiscriminatorOptimizer = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 1e-9 },
            GeneratorOptimizer = new OptimizerSettings { LearningRate = 1e-2 },
        });
        for (int step = 0; step < 300; step++)
        {
            using var batch = ring.Sample(256, seed: step);
            trainer.TrainStep(batch);
        }
        var losses = trainer.History.Column(m => m.GeneratorLoss);
        double first = losses.Take(5).Average(), last = losses.TakeLast(20).Average();
        output.WriteLine($"feature distance: first steps {first:G4}, last steps {last:G4}");
        Assert.True(first > 0);
        Assert.True(last < first / 10, $"feature matching loss went from {first} to {last}");
        Assert.All(trainer.History.Steps, m => Assert.True(float.IsFinite(m.DOfGAfterUpdate)));
    }

    [Fact]
    public void A_discriminator_without_features_is_rejected_with_the_fix()
    {
        using var g = new Toy2DGenerator();
        using var d = new Toy1DDiscriminator();
        var error = Assert.Throws<ArgumentException>(() => new GanTrainer(g, d, new GanTrainerOptions { LatentSize = 2, GeneratorLoss = GeneratorLossKind.FeatureMatching }));
        Assert.Contains("FeatureMatching", error.Message);
        Assert.Contains("IFeatureDiscriminator", error.Message);
        error = Assert.Throws<ArgumentException>(() => new GanTrainerOptions
        {
            Objective = GanObjective.WassersteinGradientPenalty, GeneratorLoss = GeneratorLossKind.FeatureMatching,
        }.Validate());
        Assert.Contains("GeneratorLoss", error.Message);
        Assert.Throws<ArgumentException>(() => GanLosses.Generator(zeros(2), GeneratorLossKind.FeatureMatching));
    }
}
