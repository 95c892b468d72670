using GanNotebooks.Checkpoints;
using GanNotebooks.Models;
using GanNotebooks.Tests.Data;
using GanNotebooks.Training;

namespace GanNotebooks.Tests.Checkpoints;

public sealed class CheckpointMismatchTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string path;

    public CheckpointMismatchTests()
    {
        path = folder.File("tiny.ganckpt");
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        TrainingCheckpoint.Save(trainer, path);
    }

    public void Dispose() => folder.Dispose();

    private CheckpointMismatchException Load(MlpGanConfig? config = null, GanTrainerOptions? options = null)
    {
        using var trainer = TrainingRun.TinyTrainer(initSeed: 2, config, options);
        using var before = trainer.SampleFixed();
        var error = Assert.Throws<CheckpointMismatchException>(() => TrainingCheckpoint.Load(trainer, path));
        using var after = trainer.SampleFixed();
        Assert.True(before.allclose(after, rtol: 0, atol: 0), "a rejected checkpoint changed the trainer");
        Assert.Contains(path, error.Message);
        return error;
    }

    [Fact]
    public void Other_generator_widths_are_named_with_both_values()
    {
        var error = Load(TrainingRun.Tiny with { GeneratorHidden = [64, 16] });
        Assert.Contains("generator hidden widths 32,16 in the checkpoint vs 64,16 here", error.Message);
        Assert.Single(error.Differences);
    }

    [Fact]
    public void Other_discriminator_widths_are_named_with_both_values()
    {
        var error = Load(TrainingRun.Tiny with { DiscriminatorHidden = [24, 12] });
        Assert.Contains("discriminator hidden widths 24 in the checkpoint vs 24,12 here", error.Message);
    }

    [Fact]
    public void Another_image_size_names_the_generator_image_and_the_discriminator_input()
    {
        var error = Load(TrainingRun.Tiny with { ImageSize = 5 });
        Assert.Contains("generator image 1x4x4 in the checkpoint vs 1x5x5 here", error.Differences);
        Assert.Contains("discriminator input pixels 16 in the checkpoint vs 25 here", error.Differences);
    }

    [Fact]
    public void Other_trainer_options_are_named()
    {
        var options = TrainingRun.TinyOptions with { GeneratorOptimizer = new OptimizerSettings { LearningRate = 1e-3 } };
        var error = Load(options: options);
        Assert.Contains("trainer option GeneratorOptimizer.LearningRate 0.0002 in the checkpoint vs 0.001 here", error.Message);
    }

    [Fact]
    public void Another_optimizer_kind_is_named()
    {
        var sgd = new OptimizerSettings { Kind = OptimizerKind.Sgd };
        var error = Load(options: TrainingRun.TinyOptions with { DiscriminatorOptimizer = sgd });
        Assert.Contains("trainer option DiscriminatorOptimizer.Kind Adam in the checkpoint vs Sgd here", error.Message);
    }

    [Fact]
    public void Tensor_level_differences_are_named_when_the_settings_agree()
    {
        var saved = new ModelDescription("Net", new Dictionary<string, string>(), new Dictionary<string, long[]> { ["a.weight"] = [4, 2], ["b.bias"] = [3] });
        var here = new ModelDescription("Net", new Dictionary<string, string>(), new Dictionary<string, long[]> { ["a.weight"] = [4, 3], ["c.bias"] = [3] });
        var differences = saved.Compare(here, "generator");
        Assert.Equal(
        [
            "generator tensor a.weight is [4,2] in the checkpoint vs [4,3] here",
            "generator tensor b.bias [3] is in the checkpoint but not here",
            "generator tensor c.bias is here but not in the checkpoint",
        ], differences);
    }

    [Fact]
    public void A_folder_whose_newest_save_holds_other_networks_says_so_and_does_not_fall_back_to_an_older_fit()
    {
        var checkpoints = new CheckpointFolder(folder.File("run"));
        var wide = TrainingRun.Tiny with { GeneratorHidden = [64, 16] };
        using (var older = TrainingRun.TinyTrainer(initSeed: 1))
            checkpoints.Save(older);
        string newest;
        using (var other = TrainingRun.TinyTrainer(initSeed: 1, wide))
        {
            other.RestoreStep(3);
            newest = checkpoints.Save(other);
        }

        using var trainer = TrainingRun.TinyTrainer(initSeed: 2);
        using var before = trainer.SampleFixed();
        var error = Assert.Throws<CheckpointMismatchException>(() => checkpoints.LoadLatest(trainer));
        Assert.Equal(newest, error.FilePath);
        Assert.Contains($"The most recent checkpoint in {checkpoints.Folder}, {newest}, was written for other networks", error.Message);
        Assert.Contains("generator hidden widths 64,16 in the checkpoint vs 32,16 here", error.Differences);
        Assert.Contains("does not fall back to an older checkpoint", error.Message);
        using var after = trainer.SampleFixed();
        Assert.True(before.allclose(after, rtol: 0, atol: 0), "a rejected checkpoint changed the trainer");
        Assert.Equal(0, trainer.Step);

        using var fitting = TrainingRun.TinyTrainer(initSeed: 2, wide);
        Assert.Equal(3, checkpoints.LoadLatest(fitting)!.Step);
    }
}
