using GanNotebooks.Checkpoints;
using GanNotebooks.Tests.Data;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>NaN and infinite weights: a diverged trainer is not saved, and a checkpoint holding them is not loaded.</summary>
public sealed class FiniteValueCheckTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static void Poison(Tensor tensor, float value)
    {
        using var noGrad = no_grad();
        tensor.view(-1)[0] = value;
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_diverged_trainer_is_not_saved_and_the_earlier_checkpoints_stay(float value)
    {
        var folder = new CheckpointFolder(temp.Path);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        using var data = TrainingRun.RandomImages(16, 4, seed: 1);
        trainer.TrainStep(data);
        var good = folder.Save(trainer);
        var goodBytes = File.ReadAllBytes(good);
        trainer.TrainStep(data);
        Poison(trainer.DiscriminatorNetwork.state_dict()["layers.linear1.weight"], value);

        var error = Assert.Throws<CheckpointException>(() => folder.Save(trainer));
        Assert.Equal(folder.PathFor(2), error.FilePath);
        Assert.Contains(folder.PathFor(2), error.Message);
        Assert.Contains("discriminator tensor layers.linear1.weight holds NaN or infinite values", error.Message);
        Assert.Equal([good], folder.List());
        Assert.Equal(goodBytes, File.ReadAllBytes(good));
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f.EndsWith(".tmp"));
    }

    [Fact]
    public void Infinite_fixed_noise_is_not_saved()
    {
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        Poison(trainer.FixedNoise, float.NegativeInfinity);
        var path = temp.File("noise.ganckpt");
        var error = Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Save(trainer, path));
        Assert.Contains("the fixed noise holds NaN or infinite values", error.Message);
        Assert.False(File.Exists(path));
        Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Write(trainer, new MemoryStream()));
    }

    // Makes the first generator weight of the checkpoint at path (written from trainer) NaN, keeping the file whole
    // (lengths and checksum right): what a kit without the check on saving, or another tool, could have written.
    private static void PoisonFirstGeneratorWeight(string path, GanTrainer trainer)
    {
        var raw = RawCheckpoint.Read(path);
        var weight = trainer.GeneratorNetwork.state_dict()["layers.linear1.weight"];
        var firstValues = weight.data<float>().Take(4).SelectMany(BitConverter.GetBytes).ToArray();
        var (offset, length) = raw.Section("generator");
        int at = raw.Payload.AsSpan(offset, length).IndexOf(firstValues);
        Assert.True(at >= 0, "the generator's first weights were not found in its section");
        BitConverter.GetBytes(float.NaN).CopyTo(raw.Payload, offset + at);
        raw.Write(path);
    }

    [Fact]
    public void A_checkpoint_holding_NaN_weights_is_not_loaded_and_the_trainer_is_untouched()
    {
        var path = temp.File("nan.ganckpt");
        using (var saved = TrainingRun.TinyTrainer(initSeed: 1))
        {
            TrainingCheckpoint.Save(saved, path);
            PoisonFirstGeneratorWeight(path, saved);
        }
        using var trainer = TrainingRun.TinyTrainer(initSeed: 5);
        using var before = trainer.SampleFixed();
        var error = Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Load(trainer, path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("NaN or infinite values in its generator tensor layers.linear1.weight", error.Message);
        using var after = trainer.SampleFixed();
        Assert.True(before.allclose(after, rtol: 0, atol: 0), "a refused checkpoint changed the trainer");
        Assert.Equal(0, trainer.Step);
    }

    [Fact]
    public void A_folder_whose_newest_save_holds_NaN_weights_says_so_instead_of_resuming_an_older_one()
    {
        var folder = new CheckpointFolder(temp.Path);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        using var data = TrainingRun.RandomImages(16, 4, seed: 1);
        folder.Save(trainer);
        trainer.TrainStep(data);
        var newest = folder.Save(trainer);
        PoisonFirstGeneratorWeight(newest, trainer);

        using var fresh = TrainingRun.TinyTrainer(initSeed: 5);
        using var before = fresh.SampleFixed();
        var error = Assert.Throws<CheckpointException>(() => folder.LoadLatest(fresh));
        Assert.Equal(newest, error.FilePath);
        Assert.Contains("NaN or infinite", error.Message);
        Assert.Equal(0, fresh.Step);
        using var after = fresh.SampleFixed();
        Assert.True(before.allclose(after, rtol: 0, atol: 0), "a refused checkpoint changed the trainer");
    }
}
