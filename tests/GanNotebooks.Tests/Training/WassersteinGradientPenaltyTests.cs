using GanNotebooks.Models;
using GanNotebooks.Toy;
using GanNotebooks.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Tests.Training;

public sealed class WassersteinGradientPenaltyTests
{
    /// <summary>D(x) = w·x + b: its gradient is w everywhere, so the penalty is (‖w‖ − 1)² whatever the samples.</summary>
    private sealed class LinearCritic : Module<Tensor, Tensor>
    {
        private readonly Linear layer;

        public LinearCritic(int inputs) : base(nameof(LinearCritic))
        {
            layer = Linear(inputs, 1);
            RegisterComponents();
        }

        public Parameter Weight => layer.weight!;

        public Parameter Bias => layer.bias!;

        public override Tensor forward(Tensor x)
        {
            using var flat = x.flatten(1);
            using var y = layer.forward(flat);
            return y.view(-1);
        }
    }

    [Fact]
    public void The_penalty_of_a_linear_critic_is_the_squared_distance_of_its_weight_norm_from_one()
    {
        manual_seed(1);
        using var critic = new LinearCritic(6);
        using (no_grad()) critic.Weight.copy_(tensor(new float[] { 1, 2, 0, -2, 0, 0 }).view(1, 6));   // ‖w‖ = 3
        using var real = randn(5, 1, 2, 3);
        using var fake = randn(5, 1, 2, 3);
        using var mix = rand(5);
        using var penalty = GradientPenalty.Compute(critic.forward, real, fake, mix);
        Assert.Equal(4.0, penalty.item<float>(), 5);   // (3 − 1)²
    }

    [Fact]
    public void The_penalty_is_taken_on_the_interpolates_the_mixing_weights_give()
    {
        // D(x) = ½‖x‖²: ∇D(x̂) = x̂, so each sample's term is (‖ε·x + (1 − ε)·y‖ − 1)².
        using var real = tensor(new float[] { 3, 4, 0, 0 }).view(2, 2);
        using var fake = tensor(new float[] { 0, 0, 0, 2 }).view(2, 2);
        using var mix = tensor(new float[] { 1.0f, 0.25f });
        using var penalty = GradientPenalty.Compute(x => x.square().sum(1) / 2, real, fake, mix);
        // Sample 1: x̂ = (3, 4), norm 5, term 16. Sample 2: x̂ = 0.75·(0, 2) = (0, 1.5), norm 1.5, term 0.25.
        Assert.Equal((16 + 0.25) / 2, penalty.item<float>(), 5);
    }

    [Fact]
    public void The_penalty_trains_the_critic_towards_unit_gradient_norm()
    {
        manual_seed(2);
        using var critic = new LinearCritic(3);
        using (no_grad()) critic.Weight.mul_(20);
        using var optimizer = optim.SGD(critic.parameters(), 0.05);
        using var real = randn(16, 3);
        using var fake = randn(16, 3);
        using var mix = rand(16);
        for (int i = 0; i < 200; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            GradientPenalty.Compute(critic.forward, real, fake, mix).backward();
            optimizer.step();
        }
        Assert.Equal(1.0, critic.Weight.norm().item<float>(), 3);
    }

    [Fact]
    public void A_trainer_step_reports_the_critic_scores_the_Wasserstein_estimate_and_the_weighted_penalty()
    {
        manual_seed(3);
        using var generator = new Toy2DGenerator(new Toy2DGanConfig { GeneratorHidden = [8] });
        using var critic = new LinearCritic(2);
        using var trainer = new GanTrainer(generator, critic, new GanTrainerOptions
        {
            LatentSize = 2, Seed = 3, Objective = GanObjective.WassersteinGradientPenalty, GradientPenaltyWeight = 7,
        });
        using var w = critic.Weight.detach().clone();
        using var b = critic.Bias.detach().clone();
        using var real = randn(32, 2, generator: new Generator(4));
        var m = trainer.TrainStep(real);

        float meanRealScore = (real.matmul(w.t()) + b).mean().item<float>();
        float norm = w.norm().item<float>();
        Assert.Equal(meanRealScore, m.DOfX, 5);                     // a raw critic score, not a probability
        Assert.Equal(-meanRealScore, m.DiscriminatorLossReal, 5);
        Assert.Equal(m.DOfGBeforeUpdate, m.DiscriminatorLossFake);
        Assert.Equal(m.DOfX - m.DOfGBeforeUpdate, m.WassersteinEstimate);
        Assert.Equal(7 * (norm - 1) * (norm - 1), m.GradientPenalty, 4);
        Assert.True(float.IsNaN(m.GeneratorLoss), "with 5 critic updates per G update, G waits until the 5th step");
        for (int i = 0; i < 4; i++) m = trainer.TrainStep(real);
        Assert.Equal(-m.DOfGAfterUpdate, m.GeneratorLoss);            // L_G = −E[D(G(z))]
        Assert.Equal(5, trainer.Step);
    }

    [Fact]
    public void The_critic_takes_five_updates_per_G_update_unless_told_otherwise()
    {
        var wgan = new GanTrainerOptions { Objective = GanObjective.WassersteinGradientPenalty };
        Assert.Equal(5, wgan.DiscriminatorSteps());
        Assert.Equal(1, (wgan with { DiscriminatorStepsPerGeneratorStep = 1 }).DiscriminatorSteps());
        Assert.Equal(1, new GanTrainerOptions().DiscriminatorSteps());
    }

    [Fact]
    public void Settings_that_do_not_fit_a_critic_are_rejected_naming_the_setting()
    {
        var wgan = new GanTrainerOptions { Objective = GanObjective.WassersteinGradientPenalty, LatentSize = 2 };
        var error = Assert.Throws<ArgumentException>(() => (wgan with { RealLabel = 0.9 }).Validate());
        Assert.Contains("RealLabel", error.Message);
        error = Assert.Throws<ArgumentException>(() => (wgan with { GeneratorLoss = GeneratorLossKind.Minimax }).Validate());
        Assert.Contains("GeneratorLoss", error.Message);
        error = Assert.Throws<ArgumentException>(() => (wgan with { GradientPenaltyWeight = -1 }).Validate());
        Assert.Contains("GradientPenaltyWeight", error.Message);

        var dcgan = new DcganConfig { LatentSize = 2 };
        using var g = new DcganGenerator(dcgan);
        using var batchNormCritic = new DcganDiscriminator(dcgan);
        error = Assert.Throws<ArgumentException>(() => new GanTrainer(g, batchNormCritic, wgan));
        Assert.Contains("BatchNorm", error.Message);
        Assert.Contains("DiscriminatorNormalization", error.Message);
        using var layerNormCritic = new DcganDiscriminator(dcgan with { DiscriminatorNormalization = DiscriminatorNormalization.LayerNorm });
        using var trainer = new GanTrainer(g, layerNormCritic, wgan);
        using var images = rand(4, 1, 28, 28) * 2 - 1;
        Assert.True(float.IsFinite(trainer.TrainStep(images).GradientPenalty));
    }

    [Fact]
    public void The_convolutional_critic_can_use_layer_norm_or_no_normalisation()
    {
        var config = new DcganConfig { ImageSize = 32, DiscriminatorFeatures = 8 };
        using var layerNorm = new DcganDiscriminator(config with { DiscriminatorNormalization = DiscriminatorNormalization.LayerNorm });
        using var none = new DcganDiscriminator(config with { DiscriminatorNormalization = DiscriminatorNormalization.None });
        Assert.Equal(2, layerNorm.modules().Count(m => m is TorchSharp.Modules.LayerNorm));
        Assert.DoesNotContain(none.modules(), m => m is TorchSharp.Modules.LayerNorm or TorchSharp.Modules.BatchNorm2d);
        using var images = randn(3, 1, 32, 32);
        using var a = layerNorm.forward(images);
        using var c = none.forward(images);
        Assert.Equal(new long[] { 3 }, a.shape);
        Assert.Equal(new long[] { 3 }, c.shape);
    }
}
