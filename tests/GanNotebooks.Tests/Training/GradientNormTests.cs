using GanNotebooks.Metrics.Toy;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Toy;
using GanNotebooks.Training;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

public sealed class GradientNormTests(ITestOutputHelper output)
{
    private static readonly Toy2DGanConfig Small = new() { GeneratorHidden = [32, 32], DiscriminatorHidden = [32, 32] };

    private static GanTrainer NewTrainer(GanTrainerOptions options)
    {
        Seeds.Set(5);
        return new GanTrainer(new Toy2DGenerator(Small), new Toy2DDiscriminator(Small), options with { LatentSize = 2, Seed = 5, RecordGradientNorms = true });
    }

    private static double NormOfGradients(nn.Module module)
    {
        double sum = 0;
        foreach (var p in module.parameters())
        {
            using var g = p.grad;
            if (g is not null) sum += g.square().sum().item<float>();
        }
        return Math.Sqrt(sum);
    }

    [Fact]
    public void Step_metrics_hold_the_norms_of_both_networks_gradients()
    {
        var ring = ToyDistribution.Ring();
        using var trainer = NewTrainer(new GanTrainerOptions());
        for (int step = 0; step < 3; step++)
        {
            using var batch = ring.Sample(64, seed: step);
            var m = trainer.TrainStep(batch);

            // After the step the gradients are still there: G's from its backward pass, D's from its own (D was frozen while G trained).
            double g = NormOfGradients(trainer.GeneratorNetwork), d = NormOfGradients(trainer.DiscriminatorNetwork);
            Assert.True(g > 0 && d > 0);
            Assert.Equal(g, m.GeneratorGradientNorm, g * 1e-5);
            Assert.Equal(d, m.DiscriminatorGradientNorm, d * 1e-5);
        }
    }

    [Fact]
    public void Without_the_option_the_norms_are_NaN_and_training_is_the_same()
    {
        var ring = ToyDistribution.Ring();
        using var measured = NewTrainer(new GanTrainerOptions());
        Seeds.Set(5);
        using var plain = new GanTrainer(new Toy2DGenerator(Small), new Toy2DDiscriminator(Small), new GanTrainerOptions { LatentSize = 2, Seed = 5 });
        for (int step = 0; step < 5; step++)
        {
            using var batch = ring.Sample(64, seed: step);
            var a = measured.TrainStep(batch);
            var b = plain.TrainStep(batch);
            Assert.True(float.IsNaN(b.GeneratorGradientNorm) && float.IsNaN(b.DiscriminatorGradientNorm));
            Assert.Equal(a with { GeneratorGradientNorm = float.NaN, DiscriminatorGradientNorm = float.NaN }, b);
        }
    }

    [Fact]
    public void The_minimax_loss_starves_the_generator_of_gradient_while_the_discriminator_wins()
    {
        // D learns fast, G hardly moves: D soon tells the generated points from the ring with confidence.
        using var oneThread = new OneTorchThread();
        var ring = ToyDistribution.Ring();
        var options = new GanTrainerOptions
        {
            DiscriminatorOptimizer = new OptimizerSettings { LearningRate = 2e-3 },
            GeneratorOptimizer = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 1e-9 },
        };
        var last = new Dictionary<GeneratorLossKind, StepMetrics>();
        foreach (var kind in new[] { GeneratorLossKind.NonSaturating, GeneratorLossKind.Minimax })
        {
            using var trainer = NewTrainer(options with { GeneratorLoss = kind });
            for (int step = 0; step < 150; step++)
            {
                using var batch = ring.Sample(128, seed: step);
                trainer.TrainStep(batch);
            }
            last[kind] = trainer.History.Steps[^1];
            output.WriteLine($"{kind}: D(G(z)) = {last[kind].DOfGAfterUpdate:F4}, |grad G| = {last[kind].GeneratorGradientNorm:G4}, |grad D| = {last[kind].DiscriminatorGradientNorm:G4}");
        }
        var saturating = last[GeneratorLossKind.Minimax];
        var nonSaturating = last[GeneratorLossKind.NonSaturating];
        Assert.True(saturating.DOfGAfterUpdate < 0.02, $"D does not win yet: D(G(z)) = {saturating.DOfGAfterUpdate}");
        // d/dlogit log(1 − σ) = −σ, d/dlogit −log σ = −(1 − σ): the gradients differ by about the factor D(G(z)).
        Assert.True(saturating.GeneratorGradientNorm < nonSaturating.GeneratorGradientNorm / 20,
            $"minimax |grad G| {saturating.GeneratorGradientNorm} vs non-saturating {nonSaturating.GeneratorGradientNorm}");
    }
}
