using GanNotebooks.Checkpoints;
using GanNotebooks.Data;
using GanNotebooks.Models;
using GanNotebooks.Tests.Data;
using GanNotebooks.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Checkpoints;

public sealed class TrainingCheckpointTests(ITestOutputHelper output)
{
    [Fact]
    public void A_resumed_run_continues_exactly_as_the_uninterrupted_one()
    {
        using var folder = new TempFolder();
        using var data = TrainingRun.RandomImages(200, 4, seed: 3);
        var path = folder.File("run.ganckpt");

        // Uninterrupted: 30 steps (3 epochs of 8 batches, stopping inside the 4th), checkpoint, 25 more.
        var batches = new ShuffledBatches(data, 25, seed: 4);
        using var original = TrainingRun.TinyTrainer(initSeed: 1);
        TrainingRun.Train(original, batches, 30);
        TrainingCheckpoint.Save(original, path, batches.Position);
        TrainingRun.Train(original, batches, 25);

        // Resumed: fresh networks with other weights, a fresh data order object, the checkpoint, the same 25 steps.
        var freshBatches = new ShuffledBatches(data, 25, seed: 4);
        using var resumed = TrainingRun.TinyTrainer(initSeed: 99);
        var header = TrainingCheckpoint.Load(resumed, path);
        Assert.Equal(30, resumed.Step);
        Assert.Equal(new DataPosition(4, 25, 3, 6), header.Data);
        freshBatches.Seek(header.Data!.Value);
        TrainingRun.Train(resumed, freshBatches, 25);

        // Tolerance zero: every logged number equal bit for bit, pixel statistics and fixed-noise images too.
        Assert.Equal(55, resumed.History.Count);
        Assert.Equal(original.History.Steps, resumed.History.Steps);
        Assert.Equal(original.History.Pixels, resumed.History.Pixels);
        using var a = original.SampleFixed();
        using var b = resumed.SampleFixed();
        Assert.True(a.allclose(b, rtol: 0, atol: 0), "fixed-noise samples differ after resuming");
        using var freshA = original.Sample(5);
        using var freshB = resumed.Sample(5);
        Assert.True(freshA.allclose(freshB, rtol: 0, atol: 0), "the noise generators are out of step after resuming");
    }

    [Fact]
    public void Loading_restores_what_was_saved_and_not_what_came_after()
    {
        using var folder = new TempFolder();
        using var data = TrainingRun.RandomImages(64, 4, seed: 3);
        var batches = new ShuffledBatches(data, 16, seed: 1);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 2);
        TrainingRun.Train(trainer, batches, 7);
        using var before = trainer.SampleFixed();
        TrainingCheckpoint.Save(trainer, folder.File("a.ganckpt"));
        TrainingRun.Train(trainer, batches, 5);
        var header = TrainingCheckpoint.Load(trainer, folder.File("a.ganckpt"));
        Assert.Equal(7, trainer.Step);
        Assert.Equal(7, trainer.History.Count);
        Assert.Single(trainer.History.Pixels);
        Assert.Null(header.Data);
        using var after = trainer.SampleFixed();
        Assert.True(before.allclose(after, rtol: 0, atol: 0));
    }

    [Fact]
    public void The_header_records_versions_networks_config_and_options()
    {
        using var folder = new TempFolder();
        using var trainer = TrainingRun.TinyTrainer(initSeed: 2);
        var path = folder.File("h.ganckpt");
        TrainingCheckpoint.Save(trainer, path, new DataPosition(1, 2, 3, 4));
        var header = TrainingCheckpoint.ReadHeader(path);
        Assert.Equal(CheckpointFile.FormatVersion, header.FormatVersion);
        Assert.Equal(TrainingCheckpoint.KitVersion, header.KitVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+", header.KitVersion);
        Assert.Equal("MlpGenerator", header.Generator.Type);
        Assert.Equal("32,16", header.Generator.Settings["hidden widths"]);
        Assert.Equal("24", header.Discriminator.Settings["hidden widths"]);
        Assert.Equal([32L, 8L], header.Generator.Tensors["layers.linear1.weight"]);
        Assert.Equal(8, header.ModelConfig!.Value.GetProperty("LatentSize").GetInt32());
        Assert.Equal(TrainingRun.TinyOptions, header.TrainerOptions);
        Assert.Equal(new DataPosition(1, 2, 3, 4), header.Data);
        Assert.Contains(header.Sections, s => s.Name == "generator-optimizer" && s.Length > 0);
    }

    [Fact]
    public void Default_mlp_gan_checkpoint_holds_weights_and_adam_state()
    {
        using var folder = new TempFolder();
        using var trainer = TrainingRun.DefaultTrainer(initSeed: 1);
        using var data = TrainingRun.RandomImages(64, 28, seed: 1);
        trainer.TrainStep(data);
        var path = folder.File("default.ganckpt");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TrainingCheckpoint.Save(trainer, path);
        var saveMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        using var other = TrainingRun.DefaultTrainer(initSeed: 2);
        TrainingCheckpoint.Load(other, path);
        var loadMs = clock.Elapsed.TotalMilliseconds;

        // Weights and buffers of both networks, plus Adam's two moment tensors per trainable parameter.
        long weights = 0, trainable = 0;
        foreach (var module in new nn.Module[] { new MlpGenerator(), new MlpDiscriminator() })
        {
            foreach (var (_, t) in module.state_dict()) weights += t.numel() * t.element_size();
            foreach (var p in module.parameters()) trainable += p.numel() * p.element_size();
        }
        long expected = weights + 2 * trainable + 64 * 100 * 4;
        long size = new FileInfo(path).Length;
        output.WriteLine($"default MLP GAN checkpoint: {size:N0} bytes (tensors {expected:N0}); save {saveMs:F0} ms, load {loadMs:F0} ms");
        Assert.InRange(size, expected, expected + 200_000);
        using var a = trainer.SampleFixed();
        using var b = other.SampleFixed();
        Assert.True(a.allclose(b, rtol: 0, atol: 0));
    }
}
