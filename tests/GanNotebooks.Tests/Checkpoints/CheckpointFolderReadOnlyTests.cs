using GanNotebooks.Checkpoints;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>Saving into a folder that cannot be written: a clear error naming the folder, nothing written, nothing lost.</summary>
public sealed class CheckpointFolderReadOnlyTests
{
    private static void AssertRefused(CheckpointException error, CheckpointFolder folder, string attempted)
    {
        Assert.Equal(attempted, error.FilePath);
        // Refused at the lock file (a read-only file system) or at the temporary file (a folder without write permission).
        Assert.Contains(folder.Folder, error.Message);
        Assert.Contains("writable", error.Message);
        Assert.Contains("unchanged", error.Message);
    }

    [RequiresReadOnlyFolderFact]
    public void A_read_only_folder_with_checkpoints_refuses_the_save_and_still_resumes()
    {
        using var temp = new TempFolder();
        using var readOnly = new ReadOnlyFolder(temp.File("run"));
        var folder = new CheckpointFolder(readOnly.Path);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        using var data = TrainingRun.RandomImages(16, 4, seed: 1);
        trainer.TrainStep(data);
        var first = folder.Save(trainer);
        var before = Directory.GetFiles(readOnly.Path).Order(StringComparer.Ordinal).ToList();
        var firstBytes = File.ReadAllBytes(first);
        readOnly.MakeReadOnly();

        trainer.TrainStep(data);
        var error = Assert.Throws<CheckpointException>(() => folder.Save(trainer));
        AssertRefused(error, folder, folder.PathFor(2));
        Assert.Equal(before, Directory.GetFiles(readOnly.Path).Order(StringComparer.Ordinal));   // no temporary or half file
        Assert.Equal(firstBytes, File.ReadAllBytes(first));
        using var fresh = TrainingRun.TinyTrainer(initSeed: 4);
        Assert.Equal(1, folder.LoadLatest(fresh)!.Step);   // reading needs no write access, nor the lock
    }

    [RequiresReadOnlyFolderFact]
    public void An_empty_read_only_folder_refuses_the_first_save()
    {
        using var temp = new TempFolder();
        using var readOnly = new ReadOnlyFolder(temp.File("empty"));
        readOnly.MakeReadOnly();
        var folder = new CheckpointFolder(readOnly.Path);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        var error = Assert.Throws<CheckpointException>(() => folder.Save(trainer));
        AssertRefused(error, folder, folder.PathFor(0));
        Assert.Empty(Directory.GetFiles(readOnly.Path));
    }

    [RequiresReadOnlyFolderFact]
    public void A_direct_save_into_a_read_only_folder_names_the_folder()
    {
        using var temp = new TempFolder();
        using var readOnly = new ReadOnlyFolder(temp.File("direct"));
        readOnly.MakeReadOnly();
        var path = Path.Combine(readOnly.Path, "run.ganckpt");
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        var error = Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Save(trainer, path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains($"into {readOnly.Path}", error.Message);
        Assert.Contains("make the folder writable", error.Message);
        Assert.Empty(Directory.GetFiles(readOnly.Path));
    }
}
