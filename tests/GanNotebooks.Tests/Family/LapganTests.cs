using GanNotebooks.Family;
using GanNotebooks.Models;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Family;

public sealed class LapganTests
{
    [Fact]
    public void The_residual_networks_give_residuals_and_logits_of_the_right_shape()
    {
        manual_seed(1);
        var config = new LapganLevelConfig { ImageSize = 14, LatentSize = 5, Features = 8 };
        using var generator = new LapganResidualGenerator(config);
        using var discriminator = new LapganResidualDiscriminator(config);
        using var coarse = zeros(3, 1, 14, 14);
        using var residual = generator.forward(randn(3, 5), coarse);
        Assert.Equal(new long[] { 3, 1, 14, 14 }, residual.shape);
        using var logits = discriminator.forward(residual, coarse);
        Assert.Equal(new long[] { 3 }, logits.shape);
    }

    [Fact]
    public void A_residual_generator_depends_on_its_coarse_image()
    {
        manual_seed(2);
        using var generator = new LapganResidualGenerator(new LapganLevelConfig { ImageSize = 4, LatentSize = 2, Features = 4 });
        using var z = zeros(1, 2);
        using var dark = generator.forward(z, full(1, 1, 4, 4, -1f));
        using var bright = generator.forward(z, full(1, 1, 4, 4, 1f));
        Assert.True((dark - bright).abs().max().item<float>() > 1e-4f);
    }

    [Fact]
    public void An_odd_level_size_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new LapganLevelConfig { ImageSize = 7 }.Validate());
        Assert.Contains("ImageSize", error.Message);
    }

    [Fact]
    public void Sampling_returns_every_level_of_the_mnist_pyramid()
    {
        manual_seed(3);
        using var trainer = MnistSizedTrainer();
        var levels = trainer.SampleLevels(5);
        Assert.Equal(3, levels.Count);
        Assert.Equal(new long[] { 5, 1, 7, 7 }, levels[0].shape);
        Assert.Equal(new long[] { 5, 1, 14, 14 }, levels[1].shape);
        Assert.Equal(new long[] { 5, 1, 28, 28 }, levels[2].shape);
        Assert.True(levels.All(l => l.abs().max().item<float>() <= 1f));
    }

    [Fact]
    public void A_step_reports_every_level_and_levels_of_the_wrong_size_are_refused()
    {
        manual_seed(4);
        using var trainer = MnistSizedTrainer();
        var metrics = trainer.TrainStep(rand(8, 1, 28, 28, generator: new Generator(4)) * 2 - 1);
        Assert.Equal(3, metrics.Levels.Count);
        Assert.All(metrics.Levels, m => Assert.True(float.IsFinite(m.DiscriminatorLoss) && float.IsFinite(m.GeneratorLoss)));
        Assert.Single(trainer.History);

        var levels = new[] { (new LapganResidualGenerator(new() { ImageSize = 14 }), new LapganResidualDiscriminator(new() { ImageSize = 14 })),
                             (new LapganResidualGenerator(new() { ImageSize = 30 }), new LapganResidualDiscriminator(new() { ImageSize = 30 })) };
        var error = Assert.Throws<ArgumentException>(() => new LapganTrainer(new MlpGenerator(BaseConfig), new MlpDiscriminator(BaseConfig), levels,
            new LapganTrainerOptions { BaseLatentSize = 8 }));
        Assert.Contains("twice", error.Message);
    }

    /// <summary>
    /// 4×4 images whose 2×2 level is a constant v and whose residual is a checkerboard of amplitude 0.3 with the sign
    /// of v: the refinement level must learn a residual that depends on its coarse image.
    /// </summary>
    [Fact]
    public void The_refinement_level_learns_a_residual_that_fits_its_coarse_image()
    {
        using var oneThread = new OneTorchThread();
        manual_seed(5);
        var board = (arange(4).view(4, 1) + arange(4).view(1, 4)).remainder(2).to_type(ScalarType.Float32) * 2 - 1;
        var values = rand(512, generator: new Generator(6)) * 1.2f - 0.6f;
        var images = values.view(-1, 1, 1, 1) + 0.3f * values.sign().view(-1, 1, 1, 1) * board.view(1, 1, 4, 4);
        var baseConfig = new MlpGanConfig { LatentSize = 4, ImageSize = 2, GeneratorHidden = [16], DiscriminatorHidden = [16] };
        var level = new LapganLevelConfig { ImageSize = 4, LatentSize = 4, Features = 16 };
        var adam = new OptimizerSettings { LearningRate = 1e-3 };
        using var trainer = new LapganTrainer(new MlpGenerator(baseConfig), new MlpDiscriminator(baseConfig),
            [(new LapganResidualGenerator(level), new LapganResidualDiscriminator(level))],
            new LapganTrainerOptions { BaseLatentSize = 4, Seed = 5, GeneratorOptimizer = adam, DiscriminatorOptimizer = adam });

        double Agreement()
        {
            var samples = trainer.SampleLevels(400);
            var residual = samples[1] - LaplacianPyramid.Upsample(samples[0]);
            var coarseSign = samples[0].mean([1, 2, 3]).sign();
            return (residual * board).mean([1, 2, 3]).mul(coarseSign).mean().item<float>();
        }

        double before = Agreement();
        for (int step = 0; step < 300; step++) trainer.TrainStep(images.narrow(0, step * 64 % 512, 64));
        double after = Agreement();
        Assert.True(Math.Abs(before) < 0.1, $"before training the residuals already follow the checkerboard: {before}");
        Assert.True(after > 0.15, $"the residual's checkerboard amplitude with the coarse image's sign is {after} (target 0.3)");
    }

    private static readonly MlpGanConfig BaseConfig = new() { LatentSize = 8, ImageSize = 7, GeneratorHidden = [16], DiscriminatorHidden = [16] };

    private static LapganTrainer MnistSizedTrainer() =>
        new(new MlpGenerator(BaseConfig), new MlpDiscriminator(BaseConfig),
            [(new LapganResidualGenerator(new() { ImageSize = 14, LatentSize = 4, Features = 8 }), new LapganResidualDiscriminator(new() { ImageSize = 14, LatentSize = 4, Features = 8 })),
             (new LapganResidualGenerator(new() { ImageSize = 28, LatentSize = 4, Features = 8 }), new LapganResidualDiscriminator(new() { ImageSize = 28, LatentSize = 4, Features = 8 }))],
            new LapganTrainerOptions { BaseLatentSize = 8, Seed = 3 });
}
