using System.Diagnostics;
using GanNotebooks.Checkpoints;
using GanNotebooks.Tests.Data;
using Xunit.Abstractions;

namespace GanNotebooks.Tests.Checkpoints;

public sealed class CheckpointKillTests(ITestOutputHelper output)
{
    private const int Trials = 32;
    private const int MinimumTrials = 12;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    [Fact]
    public void Killing_the_writer_at_random_moments_never_loses_the_newest_complete_checkpoint()
    {
        var clock = Stopwatch.StartNew();
        var result = RunTrials(seed: 20240601, clock);
        output.WriteLine($"{result.Trials} SIGKILL trials in {clock.Elapsed.TotalSeconds:F1} s; {result.MidSave} kills landed while a checkpoint file was " +
                         $"being written (a temporary file was left); final step {result.FinalStep}; after every kill the newest complete checkpoint loaded");
        // 32 trials take about 30-45 s on two idle cores; a machine under heavy load stops at the time budget instead.
        Assert.True(result.Trials >= MinimumTrials, $"only {result.Trials} kill trials fitted into {Budget.TotalSeconds} s");
        Assert.True(result.MidSave > 0, "no kill landed during a write: the test did not test what it should");
    }

    private static (int Trials, int MidSave, long FinalStep) RunTrials(int seed, Stopwatch clock)
    {
        using var temp = new TempFolder();
        var folder = new CheckpointFolder(temp.Path);
        var random = new Random(seed);
        long newestSeen = -1;
        int midSave = 0, trial = 0;
        while (trial < Trials && clock.Elapsed < Budget)
        {
            trial++;
            using var child = new WriterProcess(temp.Path);
            long resumedAt = child.WaitFor("ready");
            // The child resumed (a full load) from the newest checkpoint: never behind what was reported saved.
            Assert.True(resumedAt >= newestSeen, $"trial {trial}: resumed at step {resumedAt}, but step {newestSeen} had been saved");
            child.WaitFor("saved");
            child.WaitFor("writing");
            // Kill somewhere inside the write now under way (or just after it): its length was measured on the last one.
            Thread.Sleep(random.Next(0, (int)(child.LastSaveMs * 1.2) + 2));
            newestSeen = Math.Max(newestSeen, child.Kill());

            if (Directory.GetFiles(temp.Path, "*.tmp").Length > 0) midSave++;
            var listed = folder.List();
            // Three kept, or four when the kill fell between the new file's rename and the pruning of the oldest.
            Assert.InRange(listed.Count, 1, 4);
            Assert.DoesNotContain(listed, f => f.EndsWith(".tmp"));
            foreach (var file in listed) CheckpointFile.ReadHeader(file);   // every listed file is whole: no exception
            var latest = folder.Latest();
            Assert.Equal(listed[^1], latest);
            Assert.True(TrainingCheckpoint.ReadHeader(latest!).Step >= newestSeen, $"trial {trial}: the newest checkpoint is older than the last reported save {newestSeen}");
        }
        using var trainer = TrainingRun.TinyTrainer(initSeed: 7, TrainingRun.Small, TrainingRun.SmallOptions);
        var header = folder.LoadLatest(trainer)!;
        Assert.Equal(header.Step, trainer.Step);
        return (trial, midSave, header.Step);
    }

    /// <summary>The test assembly run as a checkpoint-writing child process.</summary>
    private sealed class WriterProcess : IDisposable
    {
        private readonly Process process;
        private readonly System.Collections.Concurrent.BlockingCollection<string> lines = new();
        private long lastSaved = -1;
        private long lastSaveMs;

        public WriterProcess(string folder)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "exec", typeof(CheckpointWriterProgram).Assembly.Location, CheckpointWriterProgram.Command, folder, "small" })
                start.ArgumentList.Add(arg);
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) { lines.CompleteAdding(); return; }
                if (e.Data.StartsWith("saved "))
                {
                    var parts = e.Data.Split(' ');
                    Interlocked.Exchange(ref lastSaved, long.Parse(parts[1]));
                    Interlocked.Exchange(ref lastSaveMs, long.Parse(parts[2]));
                }
                lines.Add(e.Data);
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Add("stderr: " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        /// <summary>How long the last save took in the child, in milliseconds.</summary>
        public long LastSaveMs => Interlocked.Read(ref lastSaveMs);

        /// <summary>Waits for a line starting with <paramref name="word"/> and returns the number after it.</summary>
        public long WaitFor(string word)
        {
            var seen = new List<string>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (lines.TryTake(out var line, deadline - DateTime.UtcNow > TimeSpan.Zero ? deadline - DateTime.UtcNow : TimeSpan.Zero))
            {
                if (line == word) return 0;
                if (line.StartsWith(word + " ")) return long.Parse(line.Split(' ')[1]);
                seen.Add(line);
            }
            throw new TimeoutException($"the checkpoint writer never printed '{word}'; it printed: {string.Join(" | ", seen)}");
        }

        /// <summary>SIGKILL; returns the last step the child reported saved.</summary>
        public long Kill()
        {
            process.Kill();
            process.WaitForExit();
            return Interlocked.Read(ref lastSaved);
        }

        public void Dispose()
        {
            if (!process.HasExited) { process.Kill(); process.WaitForExit(); }
            process.Dispose();
        }
    }
}
