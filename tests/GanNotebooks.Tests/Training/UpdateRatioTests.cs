using GanNotebooks.Data;
using GanNotebooks.Metrics.Toy;
using GanNotebooks.Tests.Checkpoints;
using GanNotebooks.Toy;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

public sealed class UpdateRatioTests
{
    private static GanTrainer NewTrainer(GanTrainerOptions options) => SmallToyTrainer.Create(options, seed: 8);

    [Fact]
    public void With_three_D_updates_per_G_update_G_moves_on_every_third_step_and_reports_its_latest_update()
    {
        var ring = ToyDistribution.Ring();
        using var trainer = NewTrainer(new GanTrainerOptions { DiscriminatorStepsPerGeneratorStep = 3 });
        var changedG = new List<bool>();
        var changedD = new List<bool>();
        for (int step = 0; step < 7; step++)
        {
            var g = SmallToyTrainer.Copy(trainer.GeneratorNetwork);
            var d = SmallToyTrainer.Copy(trainer.DiscriminatorNetwork);
            using var batch = ring.Sample(32, seed: step);
            trainer.TrainStep(batch);
            changedG.Add(SmallToyTrainer.LargestChange(g, trainer.GeneratorNetwork) > 0);
            changedD.Add(SmallToyTrainer.LargestChange(d, trainer.DiscriminatorNetwork) > 0);
        }
        Assert.Equal([false, false, true, false, false, true, false], changedG);
        Assert.All(changedD, Assert.True);
        var h = trainer.History.Steps;
        Assert.True(float.IsNaN(h[0].GeneratorLoss) && float.IsNaN(h[1].GeneratorGradientNorm), "no G update yet: G's numbers are NaN");
        Assert.True(float.IsFinite(h[2].GeneratorLoss) && h[2].GeneratorGradientNorm > 0);
        Assert.Equal(h[2].GeneratorLoss, h[4].GeneratorLoss);   // the latest G update, carried
        Assert.Equal(h[2].DOfGAfterUpdate, h[3].DOfGAfterUpdate);
        Assert.NotEqual(h[2].GeneratorLoss, h[5].GeneratorLoss);
        Assert.Equal(7, trainer.Step);
    }

    [Fact]
    public void Several_G_updates_per_D_update_move_G_further_than_one()
    {
        // Adam's first update moves every weight by at most its learning rate; three updates can move it further.
        var ring = ToyDistribution.Ring();
        var largest = new Dictionary<int, double>();
        foreach (int updates in new[] { 1, 3 })
        {
            using var trainer = NewTrainer(new GanTrainerOptions { GeneratorStepsPerDiscriminatorStep = updates });
            var g = SmallToyTrainer.Copy(trainer.GeneratorNetwork);
            using var batch = ring.Sample(32, seed: 1);
            trainer.TrainStep(batch);
            largest[updates] = SmallToyTrainer.LargestChange(g, trainer.GeneratorNetwork);
        }
        Assert.InRange(largest[1], 1e-4, 2e-4 * 1.0001);
        Assert.True(largest[3] > 2e-4 * 1.5, $"three G updates moved a weight by at most {largest[3]}");
    }

    [Fact]
    public void Two_time_scales_each_network_takes_steps_at_its_own_learning_rate()
    {
        // Plain SGD: every weight moves by exactly −(learning rate) × its gradient, which stays in .grad after the step.
        var ring = ToyDistribution.Ring();
        using var trainer = NewTrainer(new GanTrainerOptions
        {
            DiscriminatorOptimizer = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 0.1 },
            GeneratorOptimizer = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 0.01 },
        });
        var g = SmallToyTrainer.Copy(trainer.GeneratorNetwork);
        var d = SmallToyTrainer.Copy(trainer.DiscriminatorNetwork);
        using var batch = ring.Sample(64, seed: 2);
        trainer.TrainStep(batch);
        AssertMovedBy(g, trainer.GeneratorNetwork, 0.01);
        AssertMovedBy(d, trainer.DiscriminatorNetwork, 0.1);
    }

    private static void AssertMovedBy(List<Tensor> before, nn.Module module, double learningRate)
    {
        foreach (var (old, p) in before.Zip(module.parameters()))
        {
            using var grad = p.grad!;
            using var expected = old - learningRate * grad;
            Assert.True(grad.abs().max().item<float>() > 0);
            Assert.True(p.detach().allclose(expected, rtol: 1e-5, atol: 1e-7), $"a weight did not move by −{learningRate} × its gradient");
        }
    }

    [Fact]
    public void A_run_resumed_in_the_middle_of_a_round_of_D_updates_continues_exactly()
    {
        // G was updated after step 2; steps 3 and 4 are D-only, and the checkpoint comes after step 4.
        var (straight, resumed) = TrainingRun.StraightAndResumed(TrainingRun.TinyOptions with { DiscriminatorStepsPerGeneratorStep = 3 }, before: 4, after: 5);
        Assert.Equal(straight.Steps, resumed.Steps);
        Assert.Equal(straight.Steps[2].GeneratorLoss, resumed.Steps[4].GeneratorLoss);
    }

    [Fact]
    public void Bad_update_ratios_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new GanTrainerOptions { DiscriminatorStepsPerGeneratorStep = 0 }.Validate());
        Assert.Contains("DiscriminatorStepsPerGeneratorStep = 0", error.Message);
        error = Assert.Throws<ArgumentException>(() => new GanTrainerOptions { GeneratorStepsPerDiscriminatorStep = 0 }.Validate());
        Assert.Contains("GeneratorStepsPerDiscriminatorStep = 0", error.Message);
        error = Assert.Throws<ArgumentException>(() => new GanTrainerOptions { DiscriminatorStepsPerGeneratorStep = 2, GeneratorStepsPerDiscriminatorStep = 2 }.Validate());
        Assert.Contains("set one of them to 1", error.Message);
    }
}
