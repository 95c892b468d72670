using GanNotebooks.Data;
using GanNotebooks.Metrics.Toy;
using GanNotebooks.Toy;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

public sealed class FrozenDiscriminatorTests
{
    private static GanTrainer NewTrainer(GanTrainerOptions options) => SmallToyTrainer.Create(options, seed: 9);

    private static bool Changed(List<Tensor> before, nn.Module module) => SmallToyTrainer.LargestChange(before, module) > 0;

    [Theory]
    [InlineData(GanObjective.CrossEntropy)]
    [InlineData(GanObjective.WassersteinGradientPenalty)]
    public void From_the_freezing_step_D_keeps_its_weights_and_is_still_measured_while_G_trains(GanObjective objective)
    {
        var ring = ToyDistribution.Ring();
        using var trainer = NewTrainer(new GanTrainerOptions { Objective = objective, DiscriminatorStepsPerGeneratorStep = 1, FreezeDiscriminatorAtStep = 3 });
        using var batch = ring.Sample(32, seed: 1);
        var changedD = new List<bool>();
        var changedG = new List<bool>();
        for (int step = 0; step < 6; step++)
        {
            var d = SmallToyTrainer.Copy(trainer.DiscriminatorNetwork);
            var g = SmallToyTrainer.Copy(trainer.GeneratorNetwork);
            trainer.TrainStep(batch);
            changedD.Add(Changed(d, trainer.DiscriminatorNetwork));
            changedG.Add(Changed(g, trainer.GeneratorNetwork));
        }
        Assert.Equal([true, true, true, false, false, false], changedD);
        Assert.All(changedG, Assert.True);
        var h = trainer.History.Steps;
        Assert.All(h.Take(3), s => Assert.True(s.DiscriminatorGradientNorm > 0));
        Assert.All(h.Skip(3), s => Assert.True(float.IsNaN(s.DiscriminatorGradientNorm), "a frozen D takes no gradient"));
        // The same real batch through the same frozen D: the same score on every frozen step; G's side moves.
        Assert.All(h.Skip(3), s => Assert.True(float.IsFinite(s.DiscriminatorLossReal) && float.IsFinite(s.DiscriminatorLossFake)));
        Assert.Equal(h[3].DOfX, h[4].DOfX);
        Assert.Equal(h[3].DOfX, h[5].DOfX);
        Assert.NotEqual(h[3].DOfGBeforeUpdate, h[5].DOfGBeforeUpdate);
        if (objective == GanObjective.WassersteinGradientPenalty) Assert.True(h[4].GradientPenalty > 0, "the penalty is measured on frozen steps too");
    }

    [Fact]
    public void Against_a_frozen_D_the_generator_learns_to_fool_it_almost_completely()
    {
        // With D fixed, G's task is min over G of −log D(G(z)): D's score on G's samples climbs towards 1.
        var ring = ToyDistribution.Ring();
        using var trainer = NewTrainer(new GanTrainerOptions
        {
            FreezeDiscriminatorAtStep = 100,
            GeneratorOptimizer = new OptimizerSettings { LearningRate = 5e-3 },
            DiscriminatorOptimizer = new OptimizerSettings { LearningRate = 5e-3 },
        });
        for (int step = 0; step < 400; step++)
        {
            using var batch = ring.Sample(64, seed: step);
            trainer.TrainStep(batch);
        }
        var h = trainer.History.Steps;
        Assert.True(h[100].DOfGAfterUpdate < 0.7, $"D still rates G's samples as fakes when it is frozen: {h[100].DOfGAfterUpdate}");
        Assert.True(h[^1].DOfGAfterUpdate > 0.95, $"after 300 G updates against the frozen D it rates them real: {h[^1].DOfGAfterUpdate}");
        Assert.True(h[^1].DOfGBeforeUpdate > h[100].DOfGBeforeUpdate, "D's measurement of the new fakes rises too");
    }

    [Fact]
    public void A_negative_freezing_step_is_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new GanTrainerOptions { FreezeDiscriminatorAtStep = -1 }.Validate());
        Assert.Contains("FreezeDiscriminatorAtStep = -1", error.Message);
        Assert.True(new GanTrainerOptions().DiscriminatorLearnsAt(1_000_000));
        Assert.False(new GanTrainerOptions { FreezeDiscriminatorAtStep = 0 }.DiscriminatorLearnsAt(0));
    }
}
