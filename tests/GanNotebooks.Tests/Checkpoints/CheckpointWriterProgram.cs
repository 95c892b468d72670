using System.Diagnostics;
using GanNotebooks.Checkpoints;
using GanNotebooks.Data;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>
/// A child program of the tests, started through <see cref="TestHostProgram"/> (<c>dotnet GanNotebooks.Tests.dll checkpoint-writer
/// &lt;folder&gt; [default|small] [saves]</c>): resumes the default MLP GAN (or a smaller one, 2.6 MB a checkpoint) from the folder's newest checkpoint, then trains one step and saves
/// a checkpoint, again and again, printing "writing" when the file is opened and "saved &lt;step&gt; &lt;ms of writing&gt;" after each save, until it is killed (or after 60 s),
/// or, given a number of saves, until it has saved that many (then it prints "done" and exits with 0).
/// </summary>
public static class CheckpointWriterProgram
{
    public const string Command = "checkpoint-writer";

    public static int Run(string[] args)
    {
        int saves = int.MaxValue;
        if (args.Length is < 2 or > 4 || args[0] != Command || (args.Length >= 3 && args[2] is not ("default" or "small"))
            || (args.Length == 4 && (!int.TryParse(args[3], out saves) || saves < 1)))
        {
            Console.Error.WriteLine($"usage: dotnet GanNotebooks.Tests.dll {Command} <folder> [default|small] [saves]");
            return 2;
        }
        var writing = Stopwatch.StartNew();
        // "writing" marks the moment the temporary file is open: the parent aims its kills at the write that follows.
        var folder = new CheckpointFolder(args[1]) { WrapStream = stream => { Console.WriteLine("writing"); writing.Restart(); return stream; } };
        using var data = TrainingRun.RandomImages(256, 28, seed: 5);
        var batches = new ShuffledBatches(data, 64, seed: 9);
        using var trainer = args.Length >= 3 && args[2] == "small"
            ? TrainingRun.TinyTrainer(initSeed: 1, TrainingRun.Small, TrainingRun.SmallOptions)
            : TrainingRun.DefaultTrainer(initSeed: 1);
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
                Console.WriteLine($"saved {trainer.Step} {writing.ElapsedMilliseconds}");
                if (--saves == 0)
                {
                    Console.WriteLine("done");
                    return 0;
                }
            }
        }
        return 0;
    }
}
