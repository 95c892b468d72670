using System.Diagnostics;
using GanNotebooks.Metrics.Toy;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Toy;
using GanNotebooks.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Toy;

public sealed class Toy2DNetworksTests(ITestOutputHelper output)
{
    [Fact]
    public void Default_networks_have_the_documented_sizes_and_shapes()
    {
        using var g = new Toy2DGenerator();
        using var d = new Toy2DDiscriminator();
        Assert.Equal(17_154, g.parameters().Sum(p => p.numel()));
        Assert.Equal(17_025, d.parameters().Sum(p => p.numel()));
        using var points = g.forward(randn(5, 2));
        Assert.Equal(new long[] { 5, 2 }, points.shape);
        using var logits = d.forward(points);
        Assert.Equal(new long[] { 5 }, logits.shape);
        Assert.DoesNotContain(g.modules(), m => m is TorchSharp.Modules.BatchNorm1d);
    }

    [Fact]
    public void Generator_batch_norm_is_an_option()
    {
        using var g = new Toy2DGenerator(new Toy2DGanConfig { GeneratorBatchNorm = true, GeneratorHidden = [16, 8] });
        Assert.Equal(2, g.modules().Count(m => m is TorchSharp.Modules.BatchNorm1d));
    }

    [Fact]
    public void Features_then_classify_is_the_forward_pass()
    {
        manual_seed(3);
        using var d = new Toy2DDiscriminator(new Toy2DGanConfig { DiscriminatorHidden = [16, 12] });
        using var x = randn(7, 2);
        using var features = d.Features(x);
        Assert.Equal(new long[] { 7, 12 }, features.shape);
        using var logits = d.Classify(features);
        using var direct = d.forward(x);
        Assert.True(logits.allclose(direct, rtol: 0, atol: 0));
    }

    [Fact]
    public void Bad_sizes_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new Toy2DGenerator(new Toy2DGanConfig { LatentSize = 0 }));
        Assert.Contains("Toy2DGanConfig.LatentSize", error.Message);
        error = Assert.Throws<ArgumentException>(() => new Toy2DDiscriminator(new Toy2DGanConfig { DiscriminatorHidden = [] }));
        Assert.Contains("Toy2DGanConfig.DiscriminatorHidden", error.Message);
        error = Assert.Throws<ArgumentException>(() => new Toy2DDiscriminator(new Toy2DGanConfig { LeakySlope = 1 }));
        Assert.Contains("Toy2DGanConfig.LeakySlope", error.Message);
    }

    [Fact]
    public void The_trainer_checks_the_toy_generator_latent_size()
    {
        using var g = new Toy2DGenerator(new Toy2DGanConfig { LatentSize = 4 });
        using var d = new Toy2DDiscriminator();
        var error = Assert.Throws<ArgumentException>(() => new GanTrainer(g, d, new GanTrainerOptions { LatentSize = 100 }));
        Assert.Contains("latent size 4", error.Message);
    }

    [Fact]
    public void The_toy_pair_learns_the_ring_and_2000_steps_of_batch_256_take_well_under_a_minute()
    {
        // One thread: on two busy cores, threads of tiny matrix products mostly wait for each other.
        using var oneThread = new OneTorchThread();
        var ring = ToyDistribution.Ring();
        Seeds.Set(11);
        using var trainer = new GanTrainer(new Toy2DGenerator(), new Toy2DDiscriminator(), new GanTrainerOptions
        {
            LatentSize = 2, Seed = 11,
            GeneratorOptimizer = new OptimizerSettings { LearningRate = 1e-3 },
            DiscriminatorOptimizer = new OptimizerSettings { LearningRate = 1e-3 },
        });
        using var before = trainer.Sample(1000);
        var untrained = ring.Evaluate(before);
        const int steps = 1000;
        var clock = Stopwatch.StartNew();
        for (int step = 0; step < steps; step++)
        {
            using var batch = ring.Sample(256, seed: 1000 + step);
            trainer.TrainStep(batch);
        }
        clock.Stop();
        using var after = trainer.Sample(1000);
        var trained = ring.Evaluate(after);
        double msPerStep = clock.Elapsed.TotalMilliseconds / steps;
        output.WriteLine($"{msPerStep:F2} ms per step at batch 256 (including sampling the ring), 1 thread: 2,000 steps ≈ {msPerStep * 2:F1} s");
        double radius = after.square().sum(1).sqrt().mean().item<float>();
        output.WriteLine($"untrained: {untrained}; after {steps} steps: {trained}, mean distance from the centre {radius:F3}");
        Assert.True(msPerStep * 2000 < 30_000, $"{msPerStep:F1} ms per step: 2,000 steps would take over half a minute");
        Assert.Equal(0, untrained.ModesCovered);
        Assert.True(trained.ModesCovered >= 2 && trained.HighQualityShare >= 0.05,
            $"training did not move the samples onto the ring's modes: {untrained} → {trained}");
        Assert.InRange(radius, 1.8, 2.2);   // the ring's radius is 2
    }
}
