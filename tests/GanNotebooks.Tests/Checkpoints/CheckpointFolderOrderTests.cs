using System.Text;
using GanNotebooks.Checkpoints;
using GanNotebooks.Tests.Data;
using GanNotebooks.Training;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>Which saves a folder keeps and which it resumes from: the most recently written, whatever their steps.</summary>
public sealed class CheckpointFolderOrderTests
{
    private static GanTrainer TrainerAt(long step, long initSeed)
    {
        var trainer = TrainingRun.TinyTrainer(initSeed);
        trainer.RestoreStep(step);
        return trainer;
    }

    private static void AssertResumesAs(CheckpointFolder folder, GanTrainer expected)
    {
        using var fresh = TrainingRun.TinyTrainer(initSeed: 77);
        var header = folder.LoadLatest(fresh)!;
        Assert.Equal(expected.Step, header.Step);
        Assert.Equal(expected.Step, fresh.Step);
        using var a = expected.SampleFixed();
        using var b = fresh.SampleFixed();
        Assert.True(a.allclose(b, rtol: 0, atol: 0), "the folder resumed another save than the most recent one");
    }

    [Fact]
    public void A_new_run_saving_lower_steps_keeps_its_save_and_resumes_from_it()
    {
        using var temp = new TempFolder();
        var folder = new CheckpointFolder(temp.Path);
        foreach (var step in new long[] { 5000, 6000, 7000 })
        {
            using var longRun = TrainerAt(step, initSeed: 1);
            folder.Save(longRun);
        }

        using var newRun = TrainerAt(1000, initSeed: 2);
        var written = folder.Save(newRun);
        Assert.True(File.Exists(written), "the save deleted the file it had just written");
        Assert.Equal(written, folder.List()[^1]);
        Assert.Equal(written, folder.Latest());
        Assert.Equal([folder.PathFor(6000), folder.PathFor(7000), written], folder.List());
        AssertResumesAs(folder, newRun);

        newRun.RestoreStep(2000);
        folder.Save(newRun);
        newRun.RestoreStep(3000);
        folder.Save(newRun);
        Assert.Equal([folder.PathFor(1000), folder.PathFor(2000), folder.PathFor(3000)], folder.List());
        AssertResumesAs(folder, newRun);
    }

    [Fact]
    public void Save_numbers_count_up_across_folder_objects_and_runs()
    {
        using var temp = new TempFolder();
        var first = new CheckpointFolder(temp.Path, new CheckpointOptions { KeepLast = 5 });
        var second = new CheckpointFolder(temp.Path, new CheckpointOptions { KeepLast = 5 });
        var numbers = new List<long?>();
        foreach (var (folder, step) in new[] { (first, 40L), (second, 10L), (first, 50L), (second, 20L) })
        {
            using var trainer = TrainerAt(step, initSeed: step);
            numbers.Add(TrainingCheckpoint.ReadHeader(folder.Save(trainer)).SaveNumber);
        }
        Assert.Equal([1L, 2L, 3L, 4L], numbers);
        Assert.Equal([first.PathFor(40), first.PathFor(10), first.PathFor(50), first.PathFor(20)], first.List());
    }

    [Fact]
    public void Checkpoints_without_save_numbers_still_load_and_count_as_older_than_any_numbered_save()
    {
        using var temp = new TempFolder();
        var folder = new CheckpointFolder(temp.Path, new CheckpointOptions { KeepLast = 2 });
        // Files as kits before save numbers wrote them (and TrainingCheckpoint.Save still writes): no SaveNumber field.
        using var old9 = TrainerAt(9, initSeed: 1);
        using var old5 = TrainerAt(5, initSeed: 3);
        TrainingCheckpoint.Save(old9, folder.PathFor(9));
        TrainingCheckpoint.Save(old5, folder.PathFor(5));
        Assert.DoesNotContain("SaveNumber", Encoding.UTF8.GetString(File.ReadAllBytes(folder.PathFor(9))));
        Assert.Equal([folder.PathFor(5), folder.PathFor(9)], folder.List());   // among themselves by step, as before
        AssertResumesAs(folder, old9);

        using var newRun = TrainerAt(2, initSeed: 4);
        var written = folder.Save(newRun);
        Assert.Equal(1, TrainingCheckpoint.ReadHeader(written).SaveNumber);
        Assert.Equal([folder.PathFor(9), written], folder.List());   // step 5 pruned: the least recent of the three
        AssertResumesAs(folder, newRun);
    }

    [Fact]
    public void A_damaged_newest_save_is_skipped_for_the_one_before_it()
    {
        using var temp = new TempFolder();
        var folder = new CheckpointFolder(temp.Path);
        using var trainer = TrainerAt(30, initSeed: 1);
        var good = folder.Save(trainer);
        trainer.RestoreStep(10);
        var newest = folder.Save(trainer);
        var bytes = File.ReadAllBytes(newest);
        bytes[^100] ^= 0x20;   // header intact (its save number still says newest), checksum wrong
        File.WriteAllBytes(newest, bytes);

        var skipped = new List<CheckpointException>();
        Assert.Equal(good, folder.Latest(skipped));
        Assert.Equal(newest, Assert.Single(skipped).FilePath);
        Assert.Contains("checksum", skipped[0].Message);
    }

    [Fact]
    public void A_file_claiming_the_highest_possible_save_number_stops_the_save_instead_of_outranking_it()
    {
        using var temp = new TempFolder();
        var folder = new CheckpointFolder(temp.Path, new CheckpointOptions { KeepLast = 1 });
        using var trainer = TrainerAt(5, initSeed: 1);
        var claimed = folder.Save(trainer);
        var raw = RawCheckpoint.Read(claimed);
        raw.Header["SaveNumber"] = long.MaxValue;
        raw.Write(claimed);

        trainer.RestoreStep(6);
        var error = Assert.Throws<CheckpointException>(() => folder.Save(trainer));
        Assert.Equal(claimed, error.FilePath);
        Assert.Contains("highest possible save number", error.Message);
        Assert.Equal([claimed], folder.List());
        Assert.False(File.Exists(folder.PathFor(6)));
    }
}
