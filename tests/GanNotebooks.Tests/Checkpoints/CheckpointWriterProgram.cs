using System.Diagnostics;
using GanNotebooks.Checkpoints;
using GanNotebooks.Data;
using GanNotebooks.Models;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>
/// The entry point of this assembly when run as a program (<c>dotnet GanNotebooks.Tests.dll checkpoint-writer
/// &lt;folder&gt;</c>): resumes the default MLP GAN from the folder's newest checkpoint, then trains one step and saves
/// a checkpoint, again and again, printing "saved &lt;step&gt;" after each, until it is killed (or after 60 s).
/// </summary>
public static class CheckpointWriterProgram
{
    public const string Command = "checkpoint-writer";

    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != Command)
        {
            Console.Error.WriteLine($"usage: dotnet GanNotebooks.Tests.dll {Command} <folder>");
            return 2;
        }
        var folder = new CheckpointFolder(args[1]);
        using var data = TrainingRun.RandomImages(256, 28, seed: 5);
        var batches = new ShuffledBatches(data, 64, seed: 9);
        using var trainer = TrainingRun.DefaultTrainer(initSeed: 1);
        var resumed = folder.LoadLatest(trainer);
        if (resumed?.Data is { } position) batches.Seek(position);
        Console.WriteLine($"ready {trainer.Step}");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            foreach (var batch in batches.NextEpoch())
            {
                using (batch) trainer.TrainStep(batch);
                folder.Save(trainer, batches.Position);
                Console.WriteLine($"saved {trainer.Step}");
            }
        }
        return 0;
    }
}
