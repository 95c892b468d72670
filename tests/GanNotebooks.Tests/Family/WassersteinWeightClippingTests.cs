using GanNotebooks.Models;
using GanNotebooks.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Tests.Family;

public sealed class WassersteinWeightClippingTests
{
    private static readonly MlpGanConfig Tiny = new() { LatentSize = 3, ImageSize = 4, GeneratorHidden = [8], DiscriminatorHidden = [16] };

    /// <summary>A generator that ignores its noise and always draws the same learned image, so E[D(G(z))] is known before a step.</summary>
    private sealed class FixedImageGenerator : Module<Tensor, Tensor>
    {
        private readonly Parameter image;

        public FixedImageGenerator() : base(nameof(FixedImageGenerator))
        {
            image = Parameter(linspace(-0.9, 0.9, 16).view(1, 1, 4, 4));
            RegisterComponents();
        }

        public Tensor Image => image;

        public override Tensor forward(Tensor z) => image.expand(z.shape[0], 1, 4, 4) + 0 * z.sum(1).view(-1, 1, 1, 1);
    }

    private static GanTrainerOptions Clipping(double clip) => new()
    {
        LatentSize = 3,
        Seed = 2,
        FixedNoiseCount = 4,
        Objective = GanObjective.WassersteinWeightClipping,
        WeightClip = clip,
        DiscriminatorOptimizer = new OptimizerSettings { Kind = OptimizerKind.RmsProp, LearningRate = 5e-5 },
        GeneratorOptimizer = new OptimizerSettings { Kind = OptimizerKind.RmsProp, LearningRate = 5e-5 },
    };

    [Fact]
    public void After_a_step_every_critic_weight_lies_within_the_clip_and_the_estimate_is_the_score_gap()
    {
        manual_seed(11);
        using var generator = new FixedImageGenerator();
        using var critic = new MlpDiscriminator(Tiny);
        double largestBefore = critic.parameters().Max(p => p.abs().max().item<float>());
        Assert.True(largestBefore > 0.05, $"the initial weights ({largestBefore}) should be well outside the clip, or the test shows nothing");
        using var real = rand(32, 1, 4, 4, generator: new Generator(5)) * 2 - 1;
        float expectedReal, expectedFake;
        using (no_grad())
        {
            expectedReal = critic.forward(real).mean().item<float>();
            expectedFake = critic.forward(generator.Image).mean().item<float>();
        }

        using var trainer = new GanTrainer(generator, critic, Clipping(0.01));
        var metrics = trainer.TrainStep(real);

        foreach (var p in critic.parameters())
        {
            Assert.True(p.abs().max().item<float>() <= 0.01f, $"a critic weight is outside [−0.01, 0.01]: {p.abs().max().item<float>()}");
        }
        Assert.Contains(critic.parameters(), p => p.abs().max().item<float>() == 0.01f);
        Assert.Equal(expectedReal, metrics.DOfX, 5);
        Assert.Equal(expectedFake, metrics.DOfGBeforeUpdate, 5);
        Assert.Equal(expectedReal - expectedFake, metrics.WassersteinEstimate, 5);
        Assert.Equal(-expectedReal, metrics.DiscriminatorLossReal, 5);
        Assert.Equal(expectedFake, metrics.DiscriminatorLossFake, 5);
        Assert.Equal(0f, metrics.GradientPenalty);
    }

    [Fact]
    public void The_critic_takes_five_updates_per_generator_update_by_default()
    {
        manual_seed(12);
        using var generator = new FixedImageGenerator();
        using var critic = new MlpDiscriminator(Tiny);
        using var trainer = new GanTrainer(generator, critic, Clipping(0.01));
        using var before = generator.Image.detach().clone();
        using var real = rand(16, 1, 4, 4, generator: new Generator(6));
        for (int i = 0; i < 4; i++) trainer.TrainStep(real);
        Assert.True(generator.Image.equal(before).all().item<bool>(), "G moved before the fifth critic update");
        trainer.TrainStep(real);
        Assert.False(generator.Image.equal(before).all().item<bool>(), "G did not move on the fifth step");
        Assert.True(float.IsFinite(trainer.History.Steps[^1].GeneratorLoss));
    }

    [Fact]
    public void A_clip_that_is_not_positive_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => Clipping(0).Validate());
        Assert.Contains("WeightClip", error.Message);
    }

    [Fact]
    public void Weight_clipping_is_refused_for_conditional_pairs()
    {
        using var generator = ConditionalGenerator.Mlp(2, Tiny, 2);
        using var critic = new ConditionalMlpDiscriminator(2, Tiny, 2);
        var error = Assert.Throws<ArgumentException>(() => new GanTrainer(generator, critic, 2, Clipping(0.01)));
        Assert.Contains("WassersteinWeightClipping", error.Message);
    }
}
