using GanNotebooks.Checkpoints;
using GanNotebooks.Data;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Checkpoints;

public sealed class CheckpointFolderTests
{
    [Fact]
    public void Only_the_last_n_checkpoints_are_kept()
    {
        using var temp = new TempFolder();
        using var data = TrainingRun.RandomImages(64, 4, seed: 1);
        var batches = new ShuffledBatches(data, 16, seed: 1);
        var folder = new CheckpointFolder(temp.Path, new CheckpointOptions { KeepLast = 2 });
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        for (int i = 0; i < 5; i++)
        {
            TrainingRun.Train(trainer, batches, 3);
            Assert.Equal(folder.PathFor(trainer.Step), folder.Save(trainer, batches.Position));
        }
        Assert.Equal([folder.PathFor(12), folder.PathFor(15)], folder.List());
        // Nothing else but the folder's lock file: no pruned file, no temporary file left.
        Assert.Equal(new[] { folder.PathFor(12), folder.PathFor(15), folder.LockFile }.Order(StringComparer.Ordinal),
            Directory.GetFiles(temp.Path).Order(StringComparer.Ordinal));
        Assert.Equal(folder.PathFor(15), folder.Latest());
    }

    [Fact]
    public void The_default_keeps_three()
    {
        Assert.Equal(3, new CheckpointOptions().KeepLast);
    }

    [Fact]
    public void Bad_options_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new CheckpointFolder("x", new CheckpointOptions { KeepLast = 0 }));
        Assert.Contains("CheckpointOptions.KeepLast = 0", error.Message);
        error = Assert.Throws<ArgumentException>(() => new CheckpointFolder("x", new CheckpointOptions { FilePrefix = "../up" }));
        Assert.Contains("CheckpointOptions.FilePrefix", error.Message);
    }

    [Fact]
    public void Temporary_and_damaged_files_are_never_taken_for_the_latest_checkpoint()
    {
        using var temp = new TempFolder();
        var folder = new CheckpointFolder(temp.Path);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        using var data = TrainingRun.RandomImages(16, 4, seed: 1);
        trainer.TrainStep(data);
        var good = folder.Save(trainer);
        // What a killed save leaves behind, and a newer checkpoint that was cut short by some other tool.
        File.WriteAllBytes(temp.File(".checkpoint-000000009.ganckpt.999999.0123.tmp"), [1, 2, 3]);
        File.WriteAllBytes(folder.PathFor(9), File.ReadAllBytes(good)[..200]);
        var skipped = new List<CheckpointException>();
        Assert.Equal(good, folder.Latest(skipped));
        Assert.Equal(folder.PathFor(9), Assert.Single(skipped).FilePath);
        using var fresh = TrainingRun.TinyTrainer(initSeed: 3);
        Assert.Equal(1, folder.LoadLatest(fresh)!.Step);
        // The next save clears the stale temporary file of the dead process.
        trainer.TrainStep(data);
        folder.Save(trainer);
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f.EndsWith(".tmp"));
    }

    [Fact]
    public void An_empty_folder_has_no_latest_checkpoint()
    {
        using var temp = new TempFolder();
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        var folder = new CheckpointFolder(temp.File("not-yet"));
        Assert.Null(folder.Latest());
        Assert.Null(folder.LoadLatest(trainer));
        Assert.Equal(0, trainer.Step);
    }

    [Fact]
    public void A_full_disk_keeps_the_previous_checkpoint_and_says_so()
    {
        using var temp = new TempFolder();
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        using var data = TrainingRun.RandomImages(16, 4, seed: 1);
        trainer.TrainStep(data);
        var first = new CheckpointFolder(temp.Path).Save(trainer);
        var full = new CheckpointFolder(temp.Path) { WrapStream = stream => new SizeLimitedStream(stream, 3000) };
        trainer.TrainStep(data);
        var error = Assert.Throws<CheckpointException>(() => full.Save(trainer));
        AssertFullDiskError(error, full, full.PathFor(2), first);
    }

    [RequiresTmpfsFact]
    public void A_real_full_disk_keeps_the_previous_checkpoint_and_says_so()
    {
        using var temp = new TempFolder();
        var mount = temp.File("small-disk");
        Directory.CreateDirectory(mount);
        using var data = TrainingRun.RandomImages(16, 28, seed: 1);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1, TrainingRun.Tiny with { ImageSize = 28, GeneratorHidden = [64], DiscriminatorHidden = [64] });
        trainer.TrainStep(data);
        var size = new MemoryStream();
        TrainingCheckpoint.Write(trainer, size);
        Assert.True(RequiresTmpfsFactAttribute.Mount(mount, size.Length * 3 / 2), "mounting the tmpfs failed");
        try
        {
            var folder = new CheckpointFolder(mount);
            var first = folder.Save(trainer);
            trainer.TrainStep(data);
            var error = Assert.Throws<CheckpointException>(() => folder.Save(trainer));
            Assert.Contains("No space left on device", error.Message);
            AssertFullDiskError(error, folder, folder.PathFor(2), first);
        }
        finally
        {
            RequiresTmpfsFactAttribute.Unmount(mount);
        }
    }

    private static void AssertFullDiskError(CheckpointException error, CheckpointFolder folder, string attempted, string previous)
    {
        Assert.Equal(attempted, error.FilePath);
        Assert.Contains(attempted, error.Message);
        Assert.Contains("Free disk space", error.Message);
        // No half-written file, no temporary file left: the previous checkpoint and the folder's (empty) lock file.
        Assert.Equal(new[] { previous, folder.LockFile }.Order(StringComparer.Ordinal), Directory.GetFiles(folder.Folder).Order(StringComparer.Ordinal));
        Assert.Equal(1, TrainingCheckpoint.ReadHeader(previous).Step);   // checks the whole file: lengths and checksum
    }
}
