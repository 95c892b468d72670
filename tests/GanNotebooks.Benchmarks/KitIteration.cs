using GanNotebooks.Data;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// A training iteration as the notebooks run it: <see cref="ShuffledBatches"/> hands out the next batch and
/// <see cref="GanTrainer.TrainStep"/> updates D and G, with all its measurements and checks.
/// </summary>
public sealed class KitIteration : ITrainingIteration
{
    private readonly GanTrainer trainer;
    private readonly ShuffledBatches batches;
    private readonly Tensor images;
    private readonly Tensor labels;
    private IEnumerator<Tensor> epoch;

    /// <summary>Builds the case's networks and a trainer over <paramref name="images"/> (and their labels).</summary>
    public KitIteration(BenchmarkCase benchmarkCase, Tensor images, Tensor labels, int seed = 42)
    {
        var (g, d) = benchmarkCase.CreateNetworks();
        var adam = new OptimizerSettings { LearningRate = benchmarkCase.LearningRate, Beta1 = 0.5 };
        var options = new GanTrainerOptions
        {
            LatentSize = BenchmarkCase.LatentSize, Seed = seed, RealLabel = benchmarkCase.RealLabel,
            DiscriminatorOptimizer = adam, GeneratorOptimizer = adam,
        };
        trainer = benchmarkCase.Classes is { } classes
            ? new GanTrainer((nn.Module<Tensor, Tensor, Tensor>)g, (nn.Module<Tensor, Tensor, Tensor>)d, classes, options)
            : new GanTrainer((nn.Module<Tensor, Tensor>)g, (nn.Module<Tensor, Tensor>)d, options);
        this.images = images;
        this.labels = labels;
        // Conditional pairs take batches of row numbers (as notebook 05 does), unconditional ones batches of images.
        batches = new ShuffledBatches(benchmarkCase.Classes is null ? images : arange(images.shape[0]), benchmarkCase.BatchSize, seed);
        epoch = batches.NextEpoch().GetEnumerator();
    }

    /// <summary>The trainer, for its step count and history.</summary>
    public GanTrainer Trainer => trainer;

    /// <inheritdoc />
    public void Run()
    {
        if (!epoch.MoveNext())
        {
            epoch.Dispose();
            epoch = batches.NextEpoch().GetEnumerator();
            epoch.MoveNext();
        }
        using var batch = epoch.Current;
        if (trainer.Classes is null)
        {
            trainer.TrainStep(batch);
            return;
        }
        using var real = images.index_select(0, batch);
        using var realLabels = labels.index_select(0, batch);
        trainer.TrainStep(real, realLabels);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        epoch.Dispose();
        trainer.Dispose();
    }
}
