using GanNotebooks.Benchmarks;
using GanNotebooks.Models;
using GanNotebooks.Training;

namespace GanNotebooks.Tests.Benchmarks;

/// <summary>The Stacked MNIST protocol shared by notebook 09 and gan benchmark stacked-mnist, and its method names.</summary>
public class StackedMnistProtocolTests
{
    [Fact]
    public void The_defaults_are_pacgans_protocol()
    {
        var p = new StackedMnistProtocol();

        Assert.Equal(128_000, p.TrainingImages);
        Assert.Equal(64, p.BatchSize);
        Assert.Equal(100, p.LatentSize);
        Assert.Equal(2e-4, p.LearningRate);
        Assert.Equal(0.5, p.Beta1);
        Assert.Equal(100_000, p.Steps);   // 50 epochs of 128,000 / 64 = 2,000 batches
        Assert.Equal(26_000, p.Samples);
        var options = p.TrainerOptions(seed: 7);
        Assert.Equal(7, options.Seed);
        Assert.Equal(100, options.LatentSize);
        Assert.Equal(GanObjective.CrossEntropy, options.Objective);
        Assert.Equal(GeneratorLossKind.NonSaturating, options.GeneratorLoss);
        Assert.Equal(1.0, options.RealLabel);
        foreach (var adam in new[] { options.DiscriminatorOptimizer, options.GeneratorOptimizer })
        {
            Assert.Equal(OptimizerKind.Adam, adam.Kind);
            Assert.Equal(2e-4, adam.LearningRate);
            Assert.Equal(0.5, adam.Beta1);
        }
    }

    [Fact]
    public void A_method_sets_only_the_discriminator()
    {
        var p = new StackedMnistProtocol { GeneratorFeatures = 32 };

        var full = p.ConfigFor(StackedMnistMethod.Parse("dcgan"));
        var quarter = p.ConfigFor(StackedMnistMethod.Parse("dcgan-quarter-d"));
        var half = p.ConfigFor(StackedMnistMethod.Parse("pacgan2-half-d"));
        var stdDev = p.ConfigFor(StackedMnistMethod.Parse("minibatch-stddev-quarter-d"));

        Assert.Equal((3, 28, 32, 32, false), (full.Channels, full.ImageSize, full.GeneratorFeatures, full.DiscriminatorFeatures, full.DiscriminatorMinibatchStdDev));
        Assert.Equal(full with { DiscriminatorFeatures = 8 }, quarter);
        Assert.Equal(full with { DiscriminatorFeatures = 16 }, half);
        Assert.Equal(full with { DiscriminatorFeatures = 8, DiscriminatorMinibatchStdDev = true }, stdDev);
    }

    [Fact]
    public void The_networks_are_built_from_TorchSharps_convolutions_as_the_reported_runs_were()
    {
        var config = new StackedMnistProtocol { GeneratorFeatures = 8 }.ConfigFor(StackedMnistMethod.Parse("dcgan"));
        Assert.False(config.MatrixProductLayers);
        using var g = new DcganGenerator(config);
        using var d = new DcganDiscriminator(config);
        Assert.Equal(["ConvTranspose2d", "ConvTranspose2d"],
            ParameterTable.Of(g, 2, 100).Rows.Where(r => r.Layer is "project" or "output").Select(r => r.Type));
        Assert.Equal("Conv2d", ParameterTable.Of(d, 2, 3, 28, 28).Rows.Single(r => r.Layer == "output").Type);
    }

    [Fact]
    public void Packing_methods_get_a_packed_discriminator_and_the_others_a_plain_one()
    {
        var p = new StackedMnistProtocol { GeneratorFeatures = 8 };

        using var packed = p.Discriminator(StackedMnistMethod.Parse("pacgan4-quarter-d"));
        using var plain = p.Discriminator(StackedMnistMethod.Parse("minibatch-stddev"));

        var pack = Assert.IsType<PackedDiscriminator>(packed);
        Assert.Equal(4, pack.Packing);
        Assert.Equal(3, pack.ImageChannels);
        Assert.IsType<DcganDiscriminator>(plain);
        var odd = p with { BatchSize = 30 };
        var error = Assert.Throws<ArgumentException>(() => odd.Discriminator(StackedMnistMethod.Parse("pacgan4")));
        Assert.Contains("not a multiple of 4", error.Message);
    }

    [Fact]
    public void Method_names_parse_and_an_unknown_name_lists_the_known_ones()
    {
        var method = StackedMnistMethod.Parse(" PacGAN4-Quarter-D ");

        Assert.Equal(("pacgan4-quarter-d", 4, 4, false), (method.Name, method.Packing, method.DiscriminatorDivisor, method.MinibatchStdDev));
        Assert.Equal("packs of 4, D at 1/4 of G's width", method.Description);
        Assert.Equal(12, StackedMnistMethod.KnownNames.Count);
        Assert.Contains("dcgan-quarter-d", StackedMnistMethod.KnownNames);
        Assert.False(StackedMnistMethod.TryParse("pacgan3", out _));
        Assert.False(StackedMnistMethod.TryParse("dcgan-eighth-d", out _));
        var error = Assert.Throws<ArgumentException>(() => StackedMnistMethod.Parse("wgan"));
        Assert.Contains("unknown Stacked MNIST method 'wgan'", error.Message);
        Assert.Contains("minibatch-stddev-quarter-d", error.Message);
    }

    [Fact]
    public void Published_figures_are_matched_to_the_same_setting_only()
    {
        Assert.Equal((99.0, 3.40), Figures("dcgan"));
        Assert.Equal((30.6, 5.99), Figures("dcgan-quarter-d"));
        Assert.Equal((628.0, 2.58), Figures("dcgan-half-d"));
        Assert.Equal((667.0, 1.81), Figures("pacgan4-quarter-d"));
        Assert.Equal((1000.0, 0.06), Figures("pacgan2"));
        Assert.Null(StackedMnistPublished.For(StackedMnistMethod.Parse("pacgan2-quarter-d")));
        Assert.Null(StackedMnistPublished.For(StackedMnistMethod.Parse("minibatch-stddev")));
        Assert.Equal(10, StackedMnistPublished.All.Count);
        Assert.All(StackedMnistPublished.All, f => Assert.StartsWith("PacGAN (Lin et al. 2018), Table ", f.Source));
    }

    [Fact]
    public void Bad_protocol_settings_are_named()
    {
        Assert.Contains("Steps = 0", Assert.Throws<ArgumentException>(() => new StackedMnistProtocol { Steps = 0 }.Validate()).Message);
        Assert.Contains("TrainingImages = 10", Assert.Throws<ArgumentException>(() => new StackedMnistProtocol { TrainingImages = 10 }.Validate()).Message);
        Assert.Contains("GeneratorFeatures = 2", Assert.Throws<ArgumentException>(() => new StackedMnistProtocol { GeneratorFeatures = 2 }.Validate()).Message);
    }

    private static (double, double) Figures(string method)
    {
        var f = StackedMnistPublished.For(StackedMnistMethod.Parse(method));
        Assert.NotNull(f);
        return (f.Modes, f.Kl);
    }
}
