using GanNotebooks.Data;
using GanNotebooks.Tests.Checkpoints;
using GanNotebooks.Training;

namespace GanNotebooks.Tests.Training;

public sealed class LearningRateScheduleTests
{
    private static readonly OptimizerSettings Falling = new() { LearningRate = 5e-4, FinalLearningRate = 2e-4, DecaySteps = 100 };

    [Fact]
    public void The_rate_falls_in_a_straight_line_then_stays_at_its_final_value()
    {
        Assert.Equal(5e-4, Falling.LearningRateAt(0), 12);
        Assert.Equal(3.5e-4, Falling.LearningRateAt(50), 12);
        Assert.Equal(2e-4, Falling.LearningRateAt(100), 12);
        Assert.Equal(2e-4, Falling.LearningRateAt(10_000), 12);
        Assert.Equal(2e-4, new OptimizerSettings().LearningRateAt(5_000), 12);   // no schedule: constant
    }

    [Fact]
    public void The_trainer_gives_each_optimizer_its_own_scheduled_rate_at_every_step()
    {
        var options = TrainingRun.TinyOptions with { DiscriminatorOptimizer = Falling, GeneratorOptimizer = Falling with { LearningRate = 1e-3, FinalLearningRate = 1e-4 } };
        using var data = TrainingRun.RandomImages(64, 4, seed: 3);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1, options: options);
        var batches = new ShuffledBatches(data, 16, seed: 4);
        TrainingRun.Train(trainer, batches, 51);   // the 51st step ran with the rate for 50 steps done
        Assert.All(trainer.DiscriminatorOptimizer.ParamGroups, g => Assert.Equal(3.5e-4, g.LearningRate, 12));
        Assert.All(trainer.GeneratorOptimizer.ParamGroups, g => Assert.Equal(5.5e-4, g.LearningRate, 12));
    }

    [Fact]
    public void A_run_resumed_from_a_checkpoint_continues_on_the_same_schedule()
    {
        var options = TrainingRun.TinyOptions with { DiscriminatorOptimizer = Falling with { DecaySteps = 8 }, GeneratorOptimizer = Falling with { DecaySteps = 8 } };
        var (straight, resumed) = TrainingRun.StraightAndResumed(options, before: 4, after: 6);
        Assert.Equal(straight.Steps, resumed.Steps);

        // The schedule changes the training: the same run at a constant rate ends elsewhere.
        using var data = TrainingRun.RandomImages(96, 4, seed: 3);
        using var constant = TrainingRun.TinyTrainer(initSeed: 1, options: TrainingRun.TinyOptions with { DiscriminatorOptimizer = new() { LearningRate = 5e-4 }, GeneratorOptimizer = new() { LearningRate = 5e-4 } });
        TrainingRun.Train(constant, new ShuffledBatches(data, 16, seed: 4), 10);
        Assert.Equal(straight.Steps[0], constant.History.Steps[0]);   // step 0 runs at 5e-4 in both
        Assert.NotEqual(straight.Steps[^1], constant.History.Steps[^1]);
    }

    [Fact]
    public void Bad_schedules_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new OptimizerSettings { FinalLearningRate = 2e-4 }.Validate());
        Assert.Contains("DecaySteps = 0", error.Message);
        error = Assert.Throws<ArgumentException>(() => new OptimizerSettings { FinalLearningRate = -1, DecaySteps = 10 }.Validate());
        Assert.Contains("FinalLearningRate = -1", error.Message);
        error = Assert.Throws<ArgumentException>(() => new OptimizerSettings { DecaySteps = -3 }.Validate());
        Assert.Contains("DecaySteps = -3", error.Message);
    }
}
