using GanNotebooks.Checkpoints;
using GanNotebooks.Tests.Data;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Checkpoints;

public sealed class StepExtrasTests
{
    private static readonly GanTrainerOptions WithNorms = TrainingRun.TinyOptions with { RecordGradientNorms = true };

    [Fact]
    public void Gradient_norms_survive_a_checkpoint_bit_for_bit()
    {
        using var folder = new TempFolder();
        using var data = TrainingRun.RandomImages(32, 4, seed: 3);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1, options: WithNorms);
        for (int i = 0; i < 4; i++) trainer.TrainStep(data);
        TrainingCheckpoint.Save(trainer, folder.File("a.ganckpt"));
        using var other = TrainingRun.TinyTrainer(initSeed: 2, options: WithNorms);
        TrainingCheckpoint.Load(other, folder.File("a.ganckpt"));
        Assert.All(other.History.Steps, m => Assert.True(m.GeneratorGradientNorm > 0 && m.DiscriminatorGradientNorm > 0));
        Assert.Equal(trainer.History.Steps, other.History.Steps);
    }

    [Fact]
    public void A_checkpoint_written_before_gradient_norms_existed_loads_with_NaN_norms()
    {
        using var folder = new TempFolder();
        using var data = TrainingRun.RandomImages(32, 4, seed: 3);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1, options: WithNorms);
        for (int i = 0; i < 3; i++) trainer.TrainStep(data);
        var path = folder.File("new.ganckpt");
        TrainingCheckpoint.Save(trainer, path);

        // The older layout: the same file without the step-extras section.
        var (header, payload) = CheckpointFile.Read(path);
        var older = header with { Sections = header.Sections.Where(s => s.Name != "history-step-extras").ToList() };
        Assert.Equal(header.Sections.Count - 1, older.Sections.Count);
        var olderPath = folder.File("older.ganckpt");
        using (var stream = File.Create(olderPath)) CheckpointFile.Write(stream, older, payload);

        using var other = TrainingRun.TinyTrainer(initSeed: 2, options: WithNorms);
        TrainingCheckpoint.Load(other, olderPath);
        Assert.Equal(3, other.History.Count);
        Assert.All(other.History.Steps, m => Assert.True(float.IsNaN(m.GeneratorGradientNorm) && float.IsNaN(m.DiscriminatorGradientNorm)));
        var expected = trainer.History.Steps.Select(m => m with { GeneratorGradientNorm = float.NaN, DiscriminatorGradientNorm = float.NaN });
        Assert.Equal(expected, other.History.Steps);
        using var a = trainer.SampleFixed();
        using var b = other.SampleFixed();
        Assert.True(a.allclose(b, rtol: 0, atol: 0));
    }

    [Fact]
    public void Recording_gradient_norms_or_not_is_no_mismatch_when_a_checkpoint_loads()
    {
        using var folder = new TempFolder();
        using var data = TrainingRun.RandomImages(32, 4, seed: 3);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1, options: WithNorms);
        for (int i = 0; i < 2; i++) trainer.TrainStep(data);
        TrainingCheckpoint.Save(trainer, folder.File("a.ganckpt"));
        using var other = TrainingRun.TinyTrainer(initSeed: 2);
        TrainingCheckpoint.Load(other, folder.File("a.ganckpt"));
        Assert.Equal(trainer.History.Steps, other.History.Steps);
        var next = other.TrainStep(data);
        Assert.True(float.IsNaN(next.GeneratorGradientNorm) && float.IsNaN(next.DiscriminatorGradientNorm), "the loading trainer's own setting applies");
    }
}
