using System.Diagnostics;
using GanNotebooks.Data;
using GanNotebooks.Models;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// One training run of the Stacked MNIST benchmark, as <see cref="StackedMnistBenchmark.Start"/> sets it up: the
/// method's networks, seeded with <see cref="Seed"/>, the <see cref="GanTrainer"/> of the protocol and the training
/// images in an order that depends on the seed. <see cref="TrainStep"/> takes the next batch and makes one D and one
/// G update; <see cref="TrainingSeconds"/> counts only the time spent in it. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed class StackedMnistRun : IDisposable
{
    private readonly ShuffledBatches batches;
    private readonly Stopwatch clock = new();
    private IEnumerator<Tensor> epoch;

    internal StackedMnistRun(StackedMnistMethod method, int seed, DcganGenerator generator, nn.Module<Tensor, Tensor> discriminator,
        GanTrainer trainer, ShuffledBatches batches)
    {
        Method = method;
        Seed = seed;
        Generator = generator;
        Discriminator = discriminator;
        Trainer = trainer;
        this.batches = batches;
        epoch = batches.NextEpoch().GetEnumerator();
    }

    /// <summary>The method trained.</summary>
    public StackedMnistMethod Method { get; }

    /// <summary>The seed of the weights, the trainer's noise and the data order.</summary>
    public int Seed { get; }

    /// <summary>G.</summary>
    public DcganGenerator Generator { get; }

    /// <summary>D (a <see cref="PackedDiscriminator"/> for the PacGAN methods).</summary>
    public nn.Module<Tensor, Tensor> Discriminator { get; }

    /// <summary>The trainer (its <see cref="GanTrainer.History"/> holds every step's losses).</summary>
    public GanTrainer Trainer { get; }

    /// <summary>Seconds spent in <see cref="TrainStep"/> so far.</summary>
    public double TrainingSeconds => clock.Elapsed.TotalSeconds;

    /// <summary>One training step on the next batch of real images (a new epoch starts when one ends).</summary>
    public StepMetrics TrainStep()
    {
        clock.Start();
        try
        {
            if (!epoch.MoveNext())
            {
                epoch.Dispose();
                epoch = batches.NextEpoch().GetEnumerator();
                epoch.MoveNext();
            }
            using var batch = epoch.Current;
            return Trainer.TrainStep(batch);
        }
        finally
        {
            clock.Stop();
        }
    }

    /// <summary>
    /// <paramref name="count"/> generated images [count, 3, 28, 28] in [-1, 1] on the CPU, made
    /// <paramref name="chunk"/> at a time (inference mode), from the trainer's seeded noise.
    /// </summary>
    public Tensor Sample(int count, int chunk = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (int done = 0; done < count; done += chunk) parts.Add(Trainer.Sample(Math.Min(chunk, count - done)));
        return cat(parts, 0).MoveToOuterDisposeScope();
    }

    /// <summary>Frees the trainer and both networks.</summary>
    public void Dispose()
    {
        epoch.Dispose();
        Trainer.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
