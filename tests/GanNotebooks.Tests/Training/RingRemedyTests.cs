using GanNotebooks.Metrics.Toy;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Toy;
using GanNotebooks.Training;
using Xunit.Abstractions;

namespace GanNotebooks.Tests.Training;

/// <summary>
/// On the ring of 8 Gaussians, a generator that takes three updates per D update collapses; each remedy, trained
/// from the same seed with the same step count, spreads over the ring. A mode counts as covered when at least 1% of
/// 1,000 samples lie within 0.3 of its centre (the ring's modes are 1.53 apart).
/// </summary>
public sealed class RingRemedyTests(RingRemedyTests.CollapsedBaseline baseline, ITestOutputHelper output) : IClassFixture<RingRemedyTests.CollapsedBaseline>
{
    private const int Steps = 1500;
    private const int Seed = 11;
    private static readonly OptimizerSettings Adam = new() { LearningRate = 1e-3 };

    /// <summary>The deliberately collapsing run: G three times per D update, both at Adam 1e-3.</summary>
    private static readonly GanTrainerOptions Collapsing = new() { GeneratorOptimizer = Adam, DiscriminatorOptimizer = Adam, GeneratorStepsPerDiscriminatorStep = 3 };

    /// <summary>Modes covered by G after training with <paramref name="options"/> and <paramref name="config"/>, and how long it took.</summary>
    private static (ToyMetrics Metrics, TimeSpan Time) Train(Toy2DGanConfig config, GanTrainerOptions options)
    {
        using var oneThread = new OneTorchThread();
        var ring = ToyDistribution.Ring();
        Seeds.Set(Seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var trainer = new GanTrainer(new Toy2DGenerator(config), new Toy2DDiscriminator(config), options with { LatentSize = 2, Seed = Seed });
        for (int step = 0; step < Steps; step++)
        {
            using var batch = ring.Sample(128, seed: 1000 + step);
            trainer.TrainStep(batch);
        }
        using var samples = trainer.Sample(1000);
        return (ToyDistribution.Ring(std: 0.1).Evaluate(samples), clock.Elapsed);
    }

    /// <summary>The collapsed baseline, trained once for the whole class.</summary>
    public sealed class CollapsedBaseline
    {
        public CollapsedBaseline() => (Metrics, Time) = Train(new Toy2DGanConfig(), Collapsing);

        public ToyMetrics Metrics { get; }

        public TimeSpan Time { get; }
    }

    private void AssertSpreadsWhereTheBaselineCollapses(string remedy, Toy2DGanConfig config, GanTrainerOptions options)
    {
        var (metrics, time) = Train(config, options);
        output.WriteLine($"baseline (G ×3): {baseline.Metrics} in {baseline.Time.TotalSeconds:F1} s; {remedy}: {metrics} in {time.TotalSeconds:F1} s");
        Assert.True(baseline.Metrics.ModesCovered <= 2, $"the baseline did not collapse: {baseline.Metrics}");
        Assert.True(metrics.ModesCovered >= 7, $"{remedy} covers {metrics}");
    }

    [Fact]
    public void Wgan_gp_covers_the_ring()
    {
        var adam = new OptimizerSettings { LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.9 };
        AssertSpreadsWhereTheBaselineCollapses("WGAN-GP (λ = 1, 5 critic updates per G update)", new Toy2DGanConfig(), new GanTrainerOptions
        {
            Objective = GanObjective.WassersteinGradientPenalty, GradientPenaltyWeight = 1, GeneratorOptimizer = adam, DiscriminatorOptimizer = adam,
        });
    }

    [Fact]
    public void Minibatch_standard_deviation_covers_the_ring() =>
        AssertSpreadsWhereTheBaselineCollapses("minibatch stddev", new Toy2DGanConfig { DiscriminatorMinibatchStdDev = true }, Collapsing);

    [Fact]
    public void Feature_matching_covers_the_ring() =>
        AssertSpreadsWhereTheBaselineCollapses("feature matching", new Toy2DGanConfig(), Collapsing with { GeneratorLoss = GeneratorLossKind.FeatureMatching });

    [Fact]
    public void A_faster_discriminator_covers_the_ring() =>
        AssertSpreadsWhereTheBaselineCollapses("TTUR (D at 4e-3)", new Toy2DGanConfig(), Collapsing with { DiscriminatorOptimizer = Adam with { LearningRate = 4e-3 } });
}
