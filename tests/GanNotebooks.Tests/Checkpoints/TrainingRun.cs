using GanNotebooks.Checkpoints;
using GanNotebooks.Data;
using GanNotebooks.Models;
using GanNotebooks.Tests.Data;
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

    /// <summary>
    /// The tiny MLP GAN with <paramref name="options"/> on 96 random 4×4 images in batches of 16, trained
    /// <paramref name="before"/> + <paramref name="after"/> steps straight through, and again from the checkpoint written
    /// after <paramref name="before"/> steps by a trainer whose networks started elsewhere: the two runs' histories.
    /// </summary>
    public static (TrainingHistory Straight, TrainingHistory Resumed) StraightAndResumed(GanTrainerOptions options, int before, int after)
    {
        using var folder = new TempFolder();
        using var data = RandomImages(96, 4, seed: 3);
        var batches = new ShuffledBatches(data, 16, seed: 4);
        using var original = TinyTrainer(initSeed: 1, options: options);
        Train(original, batches, before);
        TrainingCheckpoint.Save(original, folder.File("mid.ganckpt"), batches.Position);
        Train(original, batches, after);

        var fresh = new ShuffledBatches(data, 16, seed: 4);
        using var resumed = TinyTrainer(initSeed: 5, options: options);
        fresh.Seek(TrainingCheckpoint.Load(resumed, folder.File("mid.ganckpt")).Data!.Value);
        Train(resumed, fresh, after);
        return (original.History, resumed.History);
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
