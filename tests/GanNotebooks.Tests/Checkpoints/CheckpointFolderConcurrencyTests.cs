using System.Collections.Concurrent;
using System.Diagnostics;
using GanNotebooks.Checkpoints;
using GanNotebooks.Tests.Data;
using GanNotebooks.Training;
using Xunit.Abstractions;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>Two writers saving into one folder at the same time, as threads and as processes.</summary>
public sealed class CheckpointFolderConcurrencyTests(ITestOutputHelper output)
{
    private const int SavesEach = 15;

    [Fact]
    public void Two_folder_objects_saving_at_once_number_every_save_in_turn_and_corrupt_nothing()
    {
        using var temp = new TempFolder();
        var options = new CheckpointOptions { KeepLast = 2 };
        using var first = TrainingRun.TinyTrainer(initSeed: 1);
        using var second = TrainingRun.TinyTrainer(initSeed: 2);
        var errors = new ConcurrentQueue<Exception>();
        var damaged = new ConcurrentQueue<string>();
        int writersLeft = 2, reads = 0;
        using var start = new Barrier(3);

        Thread Writer(WriterRun run) => new(() =>
        {
            var folder = new CheckpointFolder(temp.Path, options);
            start.SignalAndWait();
            try
            {
                for (int i = 1; i <= SavesEach; i++)
                {
                    run.Trainer.RestoreStep(run.FirstStep + i);
                    folder.Save(run.Trainer);
                }
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
            finally
            {
                Interlocked.Decrement(ref writersLeft);
            }
        });
        // A reader all the while: whatever it finds listed is whole, or was pruned between listing and reading.
        var reader = new Thread(() =>
        {
            var folder = new CheckpointFolder(temp.Path, options);
            start.SignalAndWait();
            while (Volatile.Read(ref writersLeft) > 0)
            {
                var skipped = new List<CheckpointException>();
                folder.Latest(skipped);
                foreach (var error in skipped.Where(e => File.Exists(e.FilePath))) damaged.Enqueue(error.Message);
                reads++;
            }
        });
        var threads = new[] { Writer(new(first, 0)), Writer(new(second, 100)), reader };
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) Assert.True(thread.Join(TimeSpan.FromSeconds(120)), "a writer or the reader hung");
        output.WriteLine($"{2 * SavesEach} saves by two writers while the reader looked for the latest {reads} times");

        Assert.Empty(errors);
        Assert.Empty(damaged);
        var checkpoints = new CheckpointFolder(temp.Path, options);
        var kept = checkpoints.List();
        Assert.Equal(2, kept.Count);
        // Every save was numbered in turn (no number taken twice, none lost): the last two are 29 and 30.
        Assert.Equal([2L * SavesEach - 1, 2L * SavesEach], kept.Select(path => TrainingCheckpoint.ReadHeader(path).SaveNumber!.Value));
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f.EndsWith(".tmp"));

        // The most recent save is the last one of the writer that finished second, and resumes as that trainer.
        var latest = TrainingCheckpoint.ReadHeader(checkpoints.Latest()!);
        var winner = latest.Step == SavesEach ? first : second;
        Assert.Contains(latest.Step, new[] { (long)SavesEach, 100L + SavesEach });
        using var fresh = TrainingRun.TinyTrainer(initSeed: 9);
        checkpoints.LoadLatest(fresh);
        using var a = winner.SampleFixed();
        using var b = fresh.SampleFixed();
        Assert.True(a.allclose(b, rtol: 0, atol: 0), "the latest checkpoint does not hold its writer's weights");
    }

    /// <summary>A trainer one writer thread saves, at steps after <paramref name="FirstStep"/>.</summary>
    private sealed record WriterRun(GanTrainer Trainer, long FirstStep);

    [Fact]
    public async Task Two_processes_saving_into_one_folder_at_once_both_finish_and_every_save_is_numbered_in_turn()
    {
        using var temp = new TempFolder();
        var clock = Stopwatch.StartNew();
        var children = new[] { Start(temp.Path), Start(temp.Path) };
        var printed = new string[children.Length];
        var errors = new string[children.Length];
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            for (int i = 0; i < children.Length; i++)
            {
                var standardError = children[i].StandardError.ReadToEndAsync(hang.Token);
                printed[i] = await children[i].StandardOutput.ReadToEndAsync(hang.Token);
                errors[i] = await standardError;
                await children[i].WaitForExitAsync(hang.Token);
            }
        }
        finally
        {
            foreach (var child in children) if (!child.HasExited) child.Kill();
        }
        for (int i = 0; i < children.Length; i++)
        {
            Assert.True(children[i].ExitCode == 0, $"writer {i} exited with {children[i].ExitCode}: {errors[i]}");
            Assert.Equal("", errors[i]);
            Assert.Equal(SavesEach, printed[i].Split('\n').Count(line => line.StartsWith("saved ")));
            Assert.Contains("done", printed[i]);
        }
        output.WriteLine($"two writer processes saved {SavesEach} checkpoints each into one folder in {clock.Elapsed.TotalSeconds:F1} s");

        var folder = new CheckpointFolder(temp.Path);
        var kept = folder.List();
        // Three kept, or fewer: when both saved the same step, the later save replaced the earlier file.
        Assert.InRange(kept.Count, 1, 3);
        foreach (var path in kept) CheckpointFile.ReadHeader(path);   // every kept file is whole: no exception
        Assert.Equal(kept[^1], folder.Latest());
        // Every save of both processes was numbered in turn: the most recent is number 30.
        Assert.Equal(2L * SavesEach, TrainingCheckpoint.ReadHeader(kept[^1]).SaveNumber);
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f.EndsWith(".tmp"));
        // It is the last save of one of the two (each resumed from whatever the folder held when it started).
        var lastSteps = printed.Select(o => long.Parse(o.Split('\n').Last(line => line.StartsWith("saved ")).Split(' ')[1]));
        using var trainer = TrainingRun.TinyTrainer(initSeed: 7, TrainingRun.Small, TrainingRun.SmallOptions);
        Assert.Contains(folder.LoadLatest(trainer)!.Step, lastSteps);
    }

    private static Process Start(string folder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", typeof(CheckpointWriterProgram).Assembly.Location, CheckpointWriterProgram.Command, folder, "small", SavesEach.ToString() })
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }
}
