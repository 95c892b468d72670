using GanNotebooks.Checkpoints;
using GanNotebooks.Tests.Data;
using GanNotebooks.Toy;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Checkpoints;

public sealed class RemedyOptionsCheckpointTests
{
    private static readonly Toy2DGanConfig Config = new() { GeneratorHidden = [16], DiscriminatorHidden = [16], DiscriminatorMinibatchStdDev = true };

    private static readonly GanTrainerOptions Remedies = new()
    {
        LatentSize = 2, Seed = 3,
        Objective = GanObjective.WassersteinGradientPenalty, GradientPenaltyWeight = 2.5, DiscriminatorStepsPerGeneratorStep = 2,
        InstanceNoiseStart = 0.2, InstanceNoiseAnnealSteps = 50,
        DiscriminatorOptimizer = new OptimizerSettings { LearningRate = 4e-4 },
        GeneratorOptimizer = new OptimizerSettings { LearningRate = 1e-4 },
    };

    private static GanTrainer NewTrainer(long initSeed, GanTrainerOptions options)
    {
        Seeds.Set(initSeed);
        return new GanTrainer(new Toy2DGenerator(Config), new Toy2DDiscriminator(Config), options);
    }

    [Fact]
    public void Remedy_options_are_stored_in_the_header_and_a_resumed_run_continues_exactly()
    {
        using var folder = new TempFolder();
        using var data = randn(32, 2, generator: new Generator(1));
        using var original = NewTrainer(1, Remedies);
        for (int i = 0; i < 5; i++) original.TrainStep(data);
        var path = folder.File("remedies.ganckpt");
        TrainingCheckpoint.Save(original, path);
        for (int i = 0; i < 5; i++) original.TrainStep(data);

        var header = TrainingCheckpoint.ReadHeader(path);
        Assert.Equal(Remedies, header.TrainerOptions);
        using var resumed = NewTrainer(2, header.TrainerOptions);
        TrainingCheckpoint.Load(resumed, path);
        for (int i = 0; i < 5; i++) resumed.TrainStep(data);
        Assert.Equal(original.History.Steps, resumed.History.Steps);
        Assert.All(resumed.History.Steps, m => Assert.True(m.GradientPenalty > 0));
    }

    [Fact]
    public void A_trainer_with_other_remedy_options_is_refused_naming_them()
    {
        using var folder = new TempFolder();
        using var trainer = NewTrainer(1, Remedies);
        var path = folder.File("remedies.ganckpt");
        TrainingCheckpoint.Save(trainer, path);
        using var other = NewTrainer(1, Remedies with { InstanceNoiseStart = 0.1, DiscriminatorStepsPerGeneratorStep = null });
        var error = Assert.Throws<CheckpointMismatchException>(() => TrainingCheckpoint.Load(other, path));
        Assert.Contains(error.Differences, d => d.Contains("InstanceNoiseStart"));
        Assert.Contains(error.Differences, d => d.Contains("DiscriminatorStepsPerGeneratorStep"));
    }
}
