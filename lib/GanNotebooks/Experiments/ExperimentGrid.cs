using System.Diagnostics;
using GanNotebooks.Data;
using GanNotebooks.Training;
using GanNotebooks.Visualization;
using static TorchSharp.torch;

namespace GanNotebooks.Experiments;

/// <summary>
/// Trains one architecture under several configurations and seeds, so that they can be compared fairly: for a
/// given seed every configuration starts from the same initial weights (the models are rebuilt after seeding),
/// sees the data in the same order and draws the same noise. Collects histories, fixed-noise grids and metric
/// values at regular steps. Introduced in notebook 03-optimizers.
/// </summary>
/// <param name="buildModels">Makes a fresh generator and discriminator (called after seeding).</param>
/// <param name="images">The training images, [N, C, H, W] in [-1, 1].</param>
public sealed class ExperimentGrid(Func<(nn.Module<Tensor, Tensor> Generator, nn.Module<Tensor, Tensor> Discriminator)> buildModels, Tensor images)
{
    /// <summary>Images per step. Default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Training steps per run. Default 2,000.</summary>
    public int Steps { get; init; } = 2_000;

    /// <summary>Steps between evaluations and grid snapshots (and one at the end). Default 250.</summary>
    public int EvaluateEvery { get; init; } = 250;

    /// <summary>
    /// Measures a run's current generator: receives the trainer, returns metric name → value. Optional; the kit's
    /// evaluation metrics plug in here.
    /// </summary>
    public Func<GanTrainer, IReadOnlyDictionary<string, double>>? Evaluate { get; init; }

    /// <summary>Runs every configuration with every seed, in that order; a diverging run is recorded, not thrown.</summary>
    public IReadOnlyList<ExperimentRun> Run(IEnumerable<ExperimentConfig> configs, IEnumerable<long> seeds,
        IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        if (BatchSize <= 0) throw new ArgumentException($"ExperimentGrid.BatchSize = {BatchSize} must be at least 1.", nameof(BatchSize));
        if (Steps <= 0) throw new ArgumentException($"ExperimentGrid.Steps = {Steps} must be at least 1.", nameof(Steps));
        if (EvaluateEvery <= 0) throw new ArgumentException($"ExperimentGrid.EvaluateEvery = {EvaluateEvery} must be at least 1.", nameof(EvaluateEvery));
        var runs = new List<ExperimentRun>();
        var seedList = seeds.ToList();
        var configList = configs.ToList();
        int total = configList.Count * seedList.Count;
        foreach (var config in configList)
            foreach (var seed in seedList)
            {
                progress?.Report($"run {runs.Count + 1} of {total}: {config.Name}, seed {seed}, training {Steps:N0} steps");
                runs.Add(RunOne(config, seed, progress, cancellation));
            }
        return runs;
    }

    private ExperimentRun RunOne(ExperimentConfig config, long seed, IProgress<string>? progress, CancellationToken cancellation)
    {
        Seeds.Set(seed);
        var (generator, discriminator) = buildModels();
        var trainer = new GanTrainer(generator, discriminator, config.Options with { Seed = seed });
        var run = new ExperimentRun(config, seed, trainer.History);
        var batches = new ShuffledBatches(images, BatchSize, (int)seed);
        var clock = new Stopwatch();
        try
        {
            while (trainer.Step < Steps)
                foreach (var batch in batches.NextEpoch())
                {
                    cancellation.ThrowIfCancellationRequested();
                    clock.Start();
                    using (batch) trainer.TrainStep(batch);
                    clock.Stop();
                    if (trainer.Step % EvaluateEvery == 0 || trainer.Step == Steps) Measure(trainer, run, progress);
                    if (trainer.Step >= Steps) break;
                }
        }
        catch (TrainingDivergedException diverged)
        {
            clock.Stop();
            run.Divergence = diverged;
            progress?.Report($"{config.Name}, seed {seed}: {diverged.Message}");
        }
        finally
        {
            run.TrainingTime = clock.Elapsed;
            trainer.Dispose();   // its optimizers hold the networks' parameters: release them before the networks
            generator.Dispose();
            discriminator.Dispose();
        }
        return run;
    }

    private void Measure(GanTrainer trainer, ExperimentRun run, IProgress<string>? progress)
    {
        using var samples = trainer.SampleFixed();
        var grid = ImageGrid.ToPixels(samples, valueRange: (-1, 1));
        run.Animation.Add(grid);
        run.FinalGrid = grid.ToPng();
        if (Evaluate is null) return;
        var values = Evaluate(trainer);
        run.Evaluations.Add(new EvaluationPoint(trainer.Step, values));
        progress?.Report($"{run.Config.Name}, seed {run.Seed}, step {trainer.Step:N0}: " +
                         string.Join(", ", values.Select(kv => $"{kv.Key} {kv.Value:F3}")));
    }
}
