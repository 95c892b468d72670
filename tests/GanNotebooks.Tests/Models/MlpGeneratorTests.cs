using GanNotebooks.Models;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class MlpGeneratorTests
{
    [Fact]
    public void Default_generator_has_the_Keras_tutorial_parameter_count()
    {
        using var g = new MlpGenerator();
        var table = ParameterTable.Of(g, 2, 100);
        Assert.Equal(1_493_520, table.Total);
        Assert.Equal(3_584, table.RunningStatistics);   // BatchNorm running mean + variance of 256, 512, 1024 units
        Assert.Equal(1_489_936, table.Trainable);
        Assert.Equal(table.Trainable, g.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Maps_noise_to_images_in_the_tanh_range()
    {
        manual_seed(1);
        using var g = new MlpGenerator();
        using var z = randn(8, 100);
        using var images = g.forward(z);
        Assert.Equal(new long[] { 8, 1, 28, 28 }, images.shape);
        Assert.True(images.min().item<float>() >= -1f && images.max().item<float>() <= 1f);
    }

    [Fact]
    public void Sizes_are_configurable()
    {
        var config = new MlpGanConfig { LatentSize = 16, GeneratorHidden = [32], ImageSize = 8 };
        using var g = new MlpGenerator(config);
        using var images = g.forward(zeros(4, 16));
        Assert.Equal(new long[] { 4, 1, 8, 8 }, images.shape);
        // 16*32+32 + BN 32*2 (+ 32*2 running) + 32*64+64
        Assert.Equal(16 * 32 + 32 + 64 + 32 * 64 + 64, ParameterTable.Of(g).Trainable);
    }

    [Fact]
    public void Invalid_settings_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new MlpGenerator(new MlpGanConfig { LatentSize = 0 }));
        Assert.Contains("LatentSize", error.Message);
        error = Assert.Throws<ArgumentException>(() => new MlpGenerator(new MlpGanConfig { GeneratorHidden = [] }));
        Assert.Contains("GeneratorHidden", error.Message);
    }
}
