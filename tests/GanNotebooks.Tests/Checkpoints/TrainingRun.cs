using GanNotebooks.Data;
using GanNotebooks.Models;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>Small runs shared by the checkpoint tests.</summary>
public static class TrainingRun
{
    public static readonly MlpGanConfig Tiny = new() { LatentSize = 8, ImageSize = 4, GeneratorHidden = [32, 16], DiscriminatorHidden = [24] };

    public static readonly GanTrainerOptions TinyOptions = new() { LatentSize = 8, Seed = 21, FixedNoiseCount = 16 };

    /// <summary>An MLP GAN on 28×28 images small enough to start and save quickly (about 2.6 MB a checkpoint).</summary>
    public static readonly MlpGanConfig Small = new() { LatentSize = 32, GeneratorHidden = [64, 128], DiscriminatorHidden = [128] };

    public static readonly GanTrainerOptions SmallOptions = new() { LatentSize = 32 };

    /// <summary>Images in (-1, 1), the same for the same seed.</summary>
    public static Tensor RandomImages(int count, int size, int seed)
    {
        using var scope = NewDisposeScope();
        return randn(count, 1, size, size, generator: new Generator((ulong)seed)).tanh().MoveToOuterDisposeScope();
    }

    /// <summary>A trainer of the tiny MLP GAN whose networks start from <paramref name="initSeed"/>.</summary>
    public static GanTrainer TinyTrainer(long initSeed, MlpGanConfig? config = null, GanTrainerOptions? options = null)
    {
        Seeds.Set(initSeed);
        var c = config ?? Tiny;
        return new GanTrainer(new MlpGenerator(c), new MlpDiscriminator(c), options ?? TinyOptions);
    }

    /// <summary>A trainer of the default MLP GAN (the notebook's) whose networks start from <paramref name="initSeed"/>.</summary>
    public static GanTrainer DefaultTrainer(long initSeed)
    {
        Seeds.Set(initSeed);
        return new GanTrainer(new MlpGenerator(), new MlpDiscriminator(), new GanTrainerOptions());
    }

    /// <summary>Trains <paramref name="steps"/> steps on <paramref name="batches"/>, measuring pixels every 7th step.</summary>
    public static void Train(GanTrainer trainer, ShuffledBatches batches, int steps)
    {
        while (steps > 0)
        {
            foreach (var batch in batches.NextEpoch())
            {
                using (batch)
                {
                    trainer.TrainStep(batch);
                    if (trainer.Step % 7 == 0) trainer.MeasurePixels(batch);
                }
                if (--steps == 0) break;
            }
        }
    }
}
