using GanNotebooks.Experiments;
using GanNotebooks.Models;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Experiments;

public sealed class ExperimentGridTests
{
    private static readonly MlpGanConfig Tiny = new() { LatentSize = 8, ImageSize = 4, GeneratorHidden = [16], DiscriminatorHidden = [16] };

    private static ExperimentGrid Grid(Tensor data, Func<GanTrainer, IReadOnlyDictionary<string, double>>? evaluate = null) =>
        new(() => (new MlpGenerator(Tiny), new MlpDiscriminator(Tiny)), data)
        {
            BatchSize = 16, Steps = 30, EvaluateEvery = 10, Evaluate = evaluate,
        };

    private static ExperimentConfig Config(string name, OptimizerKind kind, double lr = 1e-3)
    {
        var settings = new OptimizerSettings { Kind = kind, LearningRate = lr };
        return new(name, new GanTrainerOptions { LatentSize = 8, FixedNoiseCount = 4, GeneratorOptimizer = settings, DiscriminatorOptimizer = settings });
    }

    [Fact]
    public void Every_configuration_starts_from_the_same_weights_for_a_seed()
    {
        using var data = rand(64, 1, 4, 4) * 2 - 1;
        var runs = Grid(data).Run([Config("sgd", OptimizerKind.Sgd), Config("adam", OptimizerKind.Adam)], [1, 2]);
        Assert.Equal(4, runs.Count);
        // Step 0's D outputs are measured before any update: equal across configurations with the same seed.
        Assert.Equal(runs[0].History.Steps[0].DOfX, runs[2].History.Steps[0].DOfX);
        Assert.Equal(runs[1].History.Steps[0].DOfX, runs[3].History.Steps[0].DOfX);
        Assert.NotEqual(runs[0].History.Steps[0].DOfX, runs[1].History.Steps[0].DOfX);
        // Different optimizers then take different paths.
        Assert.NotEqual(runs[0].History.Steps[^1].GeneratorLoss, runs[2].History.Steps[^1].GeneratorLoss);
        Assert.All(runs, r => Assert.Equal(30, r.History.Count));
        Assert.All(runs, r => Assert.Equal(3, r.Animation.Count));
    }

    [Fact]
    public void Evaluations_are_collected_and_summarised()
    {
        using var data = rand(64, 1, 4, 4) * 2 - 1;
        var runs = Grid(data, t => new Dictionary<string, double> { ["step"] = t.Step, ["fixed"] = 1 })
            .Run([Config("a", OptimizerKind.Adam), Config("b", OptimizerKind.RmsProp)], [1, 2]);
        Assert.Equal([10L, 20L, 30L], runs[0].Evaluations.Select(e => e.Step));
        Assert.Equal(30, runs[0].Final("step"));
        Assert.Equal(0, runs[0].Spread("fixed"));
        var summary = ExperimentSummary.Of(runs, "step");
        Assert.Equal(["a", "b"], summary.Rows.Select(r => r.Name));
        Assert.All(summary.Rows, r => Assert.Equal((2, 0, 30.0, 0.0), (r.Seeds, r.Diverged, r.FinalMean, r.FinalSeedStd)));
        Assert.Contains("final step", summary.ToString());
    }

    [Fact]
    public void A_diverging_configuration_is_recorded_and_the_others_still_run()
    {
        using var data = rand(64, 1, 4, 4) * 2 - 1;
        using var poisoned = data.clone();
        poisoned[0, 0, 0, 0] = tensor(float.NaN);
        var grid = new ExperimentGrid(() => (new MlpGenerator(Tiny), new MlpDiscriminator(Tiny)), poisoned) { BatchSize = 64, Steps = 5, EvaluateEvery = 5 };
        var runs = grid.Run([Config("a", OptimizerKind.Adam), Config("b", OptimizerKind.Sgd)], [1]);
        Assert.All(runs, r => Assert.NotNull(r.Divergence));
        Assert.Equal(1, ExperimentSummary.Of(runs, "x").Rows[0].Diverged);
    }

    [Fact]
    public void Bad_settings_are_rejected_naming_the_setting()
    {
        using var data = zeros(16, 1, 4, 4);
        var grid = new ExperimentGrid(() => (new MlpGenerator(Tiny), new MlpDiscriminator(Tiny)), data) { Steps = 0 };
        Assert.Contains("Steps", Assert.Throws<ArgumentException>(() => grid.Run([Config("a", OptimizerKind.Adam)], [1])).Message);
    }
}
