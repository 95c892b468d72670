using GanNotebooks.Checkpoints;
using GanNotebooks.Data;
using GanNotebooks.Tests.Data;
using GanNotebooks.Tests.IO;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>A named pipe or a directory where a checkpoint should be is named, never opened: reading a pipe would wait for ever.</summary>
public sealed class CheckpointSpecialFileTests
{
    [Fact]
    public async Task Reading_a_named_pipe_as_a_checkpoint_is_refused_at_once_naming_it()
    {
        using var temp = new TempFolder();
        var pipe = temp.File("checkpoint-000000100.ganckpt");
        SpecialFiles.MakeNamedPipe(pipe);
        var read = Task.Run(() => Assert.Throws<CheckpointException>(() => CheckpointFile.Read(pipe)));
        var error = await read.WaitAsync(TimeSpan.FromSeconds(20));   // a TimeoutException if reading the pipe blocked
        Assert.Equal($"Cannot read checkpoint: {pipe} is a named pipe (FIFO), not a file.", error.Message);
    }

    [Fact]
    public async Task A_named_pipe_or_a_directory_among_a_folder_s_checkpoints_is_passed_over_and_the_newest_save_resumes()
    {
        using var temp = new TempFolder();
        using var data = TrainingRun.RandomImages(64, 4, seed: 1);
        var batches = new ShuffledBatches(data, 16, seed: 1);
        var folder = new CheckpointFolder(temp.Path);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        TrainingRun.Train(trainer, batches, 3);
        var saved = folder.Save(trainer, batches.Position);
        SpecialFiles.MakeNamedPipe(folder.PathFor(900));
        Directory.CreateDirectory(folder.PathFor(901));

        var latest = await Task.Run(() => folder.Latest()).WaitAsync(TimeSpan.FromSeconds(20));   // a TimeoutException if the pipe blocked
        Assert.Equal(saved, latest);
        using var resumed = TrainingRun.TinyTrainer(initSeed: 2);
        Assert.Equal(3, folder.LoadLatest(resumed)!.Step);
    }
}
