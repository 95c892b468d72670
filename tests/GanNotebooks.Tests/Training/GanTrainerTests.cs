using GanNotebooks.Models;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

public sealed class GanTrainerTests
{
    private static readonly MlpGanConfig Tiny = new() { LatentSize = 8, ImageSize = 4, GeneratorHidden = [32], DiscriminatorHidden = [32] };

    /// <summary>Images whose pixels are all near 0.5: an easy target whose mean the generator must learn.</summary>
    private static Tensor EasyData(int count) => (full(count, 1, 4, 4, 0.5f) + 0.05f * randn(count, 1, 4, 4, generator: new Generator(7))).clamp(-1, 1);

    private static GanTrainer NewTrainer(long seed, GanTrainerOptions? options = null)
    {
        manual_seed(seed);
        return new GanTrainer(new MlpGenerator(Tiny), new MlpDiscriminator(Tiny),
            (options ?? new GanTrainerOptions()) with { LatentSize = 8, Seed = seed, FixedNoiseCount = 16 });
    }

    private static IEnumerable<Tensor> Batches(Tensor data, int steps, int batch)
    {
        for (int i = 0; i < steps; i++) yield return data.narrow(0, i * batch % (int)(data.shape[0] - batch + 1), batch);
    }

    [Fact]
    public void Same_seed_gives_the_same_run_step_for_step()
    {
        using var data = EasyData(256);
        using var a = NewTrainer(3);
        using var b = NewTrainer(3);
        a.Fit(Batches(data, 40, 32));
        b.Fit(Batches(data, 40, 32));
        Assert.Equal(a.History.Steps, b.History.Steps);   // exact equality of every logged number
        using var sa = a.SampleFixed();
        using var sb = b.SampleFixed();
        Assert.True(sa.allclose(sb, rtol: 0, atol: 0));
    }

    [Fact]
    public void Different_seeds_give_different_runs()
    {
        using var data = EasyData(256);
        using var a = NewTrainer(3);
        using var b = NewTrainer(4);
        a.Fit(Batches(data, 5, 32));
        b.Fit(Batches(data, 5, 32));
        Assert.NotEqual(a.History.Steps, b.History.Steps);
    }

    [Fact]
    public void Generator_learns_the_brightness_of_an_easy_data_set()
    {
        using var data = EasyData(512);
        using var trainer = NewTrainer(5, new GanTrainerOptions
        {
            GeneratorOptimizer = new OptimizerSettings { LearningRate = 1e-3 },
            DiscriminatorOptimizer = new OptimizerSettings { LearningRate = 1e-3 },
        });
        var before = trainer.MeasurePixels(data);
        trainer.Fit(Batches(data, 400, 64));
        var after = trainer.MeasurePixels(data);
        Assert.True(Math.Abs(before.GeneratedMean - 0.5) > 0.2, $"untrained mean {before.GeneratedMean} is already close");
        Assert.True(Math.Abs(after.GeneratedMean - 0.5) < 0.1, $"trained mean {after.GeneratedMean}, want 0.5 ± 0.1");
        Assert.Equal(400, trainer.History.Count);
        Assert.Equal(2, trainer.History.Pixels.Count);
    }

    [Fact]
    public void Cancellation_stops_at_a_step_boundary_and_keeps_the_history()
    {
        using var data = EasyData(128);
        using var trainer = NewTrainer(6);
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(m => { if (m.Step == 4) cancel.Cancel(); });
        Assert.Throws<OperationCanceledException>(() => trainer.Fit(Batches(data, 50, 32), progress, cancel.Token));
        Assert.Equal(5, trainer.History.Count);
        Assert.Equal(5, trainer.Step);
        trainer.Fit(Batches(data, 3, 32));   // still usable: training continues
        Assert.Equal(8, trainer.Step);
    }

    [Fact]
    public void Cancelling_from_another_thread_stops_within_a_second_and_the_trainer_still_trains_and_checkpoints()
    {
        using var data = EasyData(256);
        using var trainer = NewTrainer(9);
        using var cancel = new CancellationTokenSource();
        var started = new ManualResetEventSlim();
        var progress = new Progress(_ => started.Set());
        var endless = Enumerable.Range(0, int.MaxValue).Select(i => data.narrow(0, i % 8 * 32, 32));
        var clock = new System.Diagnostics.Stopwatch();
        var run = Task.Run(() => trainer.Fit(endless, progress, cancel.Token));
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "training never started");
        Thread.Sleep(200);
        clock.Start();
        cancel.Cancel();
        var error = Assert.Throws<AggregateException>(() => run.Wait(TimeSpan.FromSeconds(10)));
        clock.Stop();
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stopping took {clock.Elapsed.TotalMilliseconds:F0} ms");
        long stoppedAt = trainer.Step;
        Assert.True(stoppedAt > 1);
        Assert.Equal(stoppedAt, trainer.History.Count);   // stopped at a step boundary: every step logged once

        // Still a working trainer: it trains on and writes a checkpoint that loads.
        trainer.Fit(Batches(data, 2, 32));
        Assert.Equal(stoppedAt + 2, trainer.Step);
        var path = Path.Combine(Path.GetTempPath(), $"gan-cancel-{Guid.NewGuid():N}.ganckpt");
        try
        {
            GanNotebooks.Checkpoints.TrainingCheckpoint.Save(trainer, path);
            using var other = NewTrainer(9);
            Assert.Equal(stoppedAt + 2, GanNotebooks.Checkpoints.TrainingCheckpoint.Load(other, path).Step);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fit_checks_cancellation_before_taking_the_next_batch()
    {
        using var data = EasyData(128);
        using var trainer = NewTrainer(6);
        using var cancel = new CancellationTokenSource();
        int taken = 0;
        var counted = Batches(data, 50, 32).Select(b => { taken++; return b; });
        var progress = new Progress(m => { if (m.Step == 2) cancel.Cancel(); });
        Assert.Throws<OperationCanceledException>(() => trainer.Fit(counted, progress, cancel.Token));
        Assert.Equal(3, taken);   // no batch was taken and then dropped: a data position stays in step with Step
        Assert.Equal(3, trainer.Step);
    }

    [Fact]
    public void A_non_finite_loss_stops_training_naming_the_step()
    {
        using var data = EasyData(64);
        using var trainer = NewTrainer(7);
        trainer.Fit(Batches(data, 2, 32));
        using var poisoned = full(32, 1, 4, 4, float.NaN);
        var before = trainer.GeneratorNetwork.parameters().Concat(trainer.DiscriminatorNetwork.parameters()).Select(p => p.detach().clone()).ToList();
        var error = Assert.Throws<TrainingDivergedException>(() => trainer.TrainStep(poisoned));
        var after = trainer.GeneratorNetwork.parameters().Concat(trainer.DiscriminatorNetwork.parameters()).ToList();
        Assert.All(before.Zip(after), pair => Assert.True(pair.First.allclose(pair.Second, rtol: 0, atol: 0), "the diverging update must not reach the weights"));
        trainer.Fit(Batches(data, 2, 32));   // and training can go on from the last good state
        Assert.Equal(4, trainer.Step);
        Assert.Equal(2, error.Step);
        Assert.Contains("step 2", error.Message);
        Assert.Contains("learning rate", error.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => NewTrainer(1, new GanTrainerOptions { GeneratorOptimizer = new OptimizerSettings { LearningRate = -1 } }));
        Assert.Contains("LearningRate", error.Message);
        manual_seed(1);
        error = Assert.Throws<ArgumentException>(() => new GanTrainer(new MlpGenerator(Tiny), new MlpDiscriminator(Tiny), new GanTrainerOptions { LatentSize = 100 }));
        Assert.Contains("latent size 8", error.Message);
    }

    [Fact]
    public void Every_optimizer_kind_trains()
    {
        using var data = EasyData(64);
        foreach (var kind in Enum.GetValues<OptimizerKind>())
        {
            var settings = new OptimizerSettings { Kind = kind, LearningRate = 1e-3 };
            using var trainer = NewTrainer(8, new GanTrainerOptions { GeneratorOptimizer = settings, DiscriminatorOptimizer = settings });
            trainer.Fit(Batches(data, 3, 32));
            Assert.Equal(3, trainer.History.Count);
        }
    }

    private sealed class Progress(Action<StepMetrics> report) : IProgress<StepMetrics>
    {
        public void Report(StepMetrics value) => report(value);
    }
}
