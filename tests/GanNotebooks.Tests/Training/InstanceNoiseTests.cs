using GanNotebooks.Toy;
using GanNotebooks.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Tests.Training;

public sealed class InstanceNoiseTests
{
    /// <summary>A linear discriminator that records the standard deviation of every batch it is shown.</summary>
    private sealed class RecordingDiscriminator : Module<Tensor, Tensor>
    {
        private readonly Linear layer;

        public RecordingDiscriminator() : base(nameof(RecordingDiscriminator))
        {
            layer = Linear(2, 1);
            RegisterComponents();
        }

        public List<double> Stds { get; } = [];

        public override Tensor forward(Tensor x)
        {
            Stds.Add(x.std().item<float>());
            using var y = layer.forward(x);
            return y.view(-1);
        }
    }

    [Fact]
    public void Sigma_falls_linearly_from_its_start_to_zero_over_the_anneal_steps()
    {
        var options = new GanTrainerOptions { InstanceNoiseStart = 0.4, InstanceNoiseAnnealSteps = 100 };
        Assert.Equal(0.4, options.InstanceNoiseStd(0), 12);
        Assert.Equal(0.3, options.InstanceNoiseStd(25), 12);
        Assert.Equal(0.2, options.InstanceNoiseStd(50), 12);
        Assert.Equal(0.0, options.InstanceNoiseStd(100), 12);
        Assert.Equal(0.0, options.InstanceNoiseStd(5000), 12);
        Assert.Equal(0.0, new GanTrainerOptions().InstanceNoiseStd(0));
    }

    [Fact]
    public void Everything_D_sees_carries_noise_of_the_scheduled_sigma()
    {
        // Real points and G's points are all at the origin (G's output layer is zero and G's learning rate negligible),
        // so the spread of every batch D is shown is the noise alone.
        manual_seed(1);
        using var g = new Toy2DGenerator(new Toy2DGanConfig { GeneratorHidden = [8] });
        using (no_grad())
            foreach (var (name, p) in g.named_parameters())
                if (name.StartsWith("layers.output")) p.zero_();
        var d = new RecordingDiscriminator();
        using var trainer = new GanTrainer(g, d, new GanTrainerOptions
        {
            LatentSize = 2, Seed = 2, InstanceNoiseStart = 0.5, InstanceNoiseAnnealSteps = 4,
            GeneratorOptimizer = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 1e-12 },
        });
        using var origin = zeros(2048, 2);
        for (int step = 0; step < 5; step++)
        {
            d.Stds.Clear();
            trainer.TrainStep(origin);
            double sigma = trainer.Options.InstanceNoiseStd(step);
            Assert.Equal(3, d.Stds.Count);   // D on real, D on generated (D's update), D on generated (G's update)
            foreach (var std in d.Stds)
            {
                if (sigma == 0) Assert.True(std < 1e-6, $"step {step}: no noise expected, saw spread {std}");
                else Assert.InRange(std, sigma * 0.95, sigma * 1.05);
            }
        }
        d.Dispose();
    }

    [Fact]
    public void Runs_with_instance_noise_repeat_exactly_and_differ_from_runs_without()
    {
        var options = new GanTrainerOptions { LatentSize = 2, Seed = 3, InstanceNoiseStart = 0.3, InstanceNoiseAnnealSteps = 10 };
        using var data = randn(64, 2, generator: new Generator(5));
        var histories = new List<IReadOnlyList<StepMetrics>>();
        foreach (var o in new[] { options, options, options with { InstanceNoiseStart = 0, InstanceNoiseAnnealSteps = 0 } })
        {
            manual_seed(4);
            var trainer = new GanTrainer(new Toy2DGenerator(new Toy2DGanConfig { GeneratorHidden = [8] }), new Toy2DDiscriminator(new Toy2DGanConfig { DiscriminatorHidden = [8] }), o);
            for (int i = 0; i < 5; i++) trainer.TrainStep(data);
            histories.Add(trainer.History.Steps.ToList());
            trainer.Dispose();
        }
        Assert.Equal(histories[0], histories[1]);
        Assert.NotEqual(histories[0], histories[2]);
    }

    [Fact]
    public void Bad_noise_settings_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new GanTrainerOptions { InstanceNoiseStart = -0.1, InstanceNoiseAnnealSteps = 10 }.Validate());
        Assert.Contains("InstanceNoiseStart", error.Message);
        error = Assert.Throws<ArgumentException>(() => new GanTrainerOptions { InstanceNoiseStart = 0.1 }.Validate());
        Assert.Contains("InstanceNoiseAnnealSteps = 0", error.Message);
    }
}
