using GanNotebooks.Checkpoints;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Checkpoints;

public sealed class CheckpointFileTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string path;

    public CheckpointFileTests()
    {
        path = folder.File("good.ganckpt");
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        TrainingCheckpoint.Save(trainer, path);
    }

    public void Dispose() => folder.Dispose();

    private CheckpointException LoadDamaged(Action<byte[]> damage, Func<byte[], byte[]>? resize = null)
    {
        var bytes = File.ReadAllBytes(path);
        damage(bytes);
        if (resize != null) bytes = resize(bytes);
        var damaged = folder.File("damaged.ganckpt");
        File.WriteAllBytes(damaged, bytes);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 5);
        using var before = trainer.SampleFixed();
        var error = Assert.ThrowsAny<CheckpointException>(() => TrainingCheckpoint.Load(trainer, damaged));
        using var after = trainer.SampleFixed();
        Assert.True(before.allclose(after, rtol: 0, atol: 0), "a rejected checkpoint changed the trainer");
        Assert.Equal(0, trainer.Step);
        Assert.Equal(damaged, error.FilePath);
        Assert.Contains(damaged, error.Message);
        return error;
    }

    [Fact]
    public void A_truncated_file_is_rejected_naming_the_file_and_the_lengths()
    {
        var error = LoadDamaged(_ => { }, bytes => bytes[..(bytes.Length - 1000)]);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_file_cut_inside_its_header_is_rejected()
    {
        var error = LoadDamaged(_ => { }, bytes => bytes[..100]);
        Assert.Contains("header length", error.Message);
    }

    [Fact]
    public void A_file_shorter_than_any_checkpoint_is_rejected()
    {
        var error = LoadDamaged(_ => { }, bytes => bytes[..40]);
        Assert.Contains("shorter than any checkpoint", error.Message);
    }

    [Fact]
    public void A_file_with_bytes_appended_is_rejected()
    {
        var error = LoadDamaged(_ => { }, bytes => [.. bytes, 0, 0, 0]);
        Assert.Contains("lengths say", error.Message);
    }

    [Fact]
    public void A_damaged_header_length_is_rejected()
    {
        var error = LoadDamaged(bytes => bytes[13] ^= 0x40);
        Assert.Contains("damaged", error.Message);
    }

    [Fact]
    public void A_flipped_bit_in_the_header_text_fails_the_checksum()
    {
        var error = LoadDamaged(bytes => bytes[40] ^= 0x01);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void A_flipped_bit_in_the_tensors_fails_the_checksum()
    {
        var error = LoadDamaged(bytes => bytes[^500] ^= 0x10);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void Another_file_is_not_taken_for_a_checkpoint()
    {
        var error = LoadDamaged(bytes => bytes[0] = (byte)'P');
        Assert.Contains("is not a GanNotebooks checkpoint", error.Message);
    }

    [Fact]
    public void A_newer_format_version_is_rejected_with_both_versions()
    {
        var error = LoadDamaged(bytes => bytes[8] = 7);
        Assert.Contains("format version 7", error.Message);
        Assert.Contains($"reads version {CheckpointFile.FormatVersion}", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var missing = folder.File("nope.ganckpt");
        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.ReadHeader(missing));
        Assert.Contains(missing, error.Message);
    }
}
