using GanNotebooks.Models;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

/// <summary>The DCGAN of notebook 04 on Stacked MNIST's three channels, with the weaker discriminator of the harder setting.</summary>
public sealed class StackedMnistDcganTests(ITestOutputHelper output)
{
    [Fact]
    public void The_dcgan_generates_three_channel_28_pixel_images()
    {
        using var g = new DcganGenerator(new DcganConfig { Channels = 3, ImageSize = 28 });
        g.eval();
        using var z = randn(5, 100, generator: new TorchSharp.torch.Generator(1));

        using var images = g.forward(z);

        Assert.Equal(new long[] { 5, 3, 28, 28 }, images.shape);
        Assert.True(images.abs().max().item<float>() <= 1);
    }

    [Fact]
    public void A_quarter_width_discriminator_is_expressed_by_the_config_and_has_about_a_thirteenth_of_the_weights()
    {
        var standard = new DcganConfig { Channels = 3, ImageSize = 28, GeneratorFeatures = 64, DiscriminatorFeatures = 64 };
        var weaker = standard with { DiscriminatorFeatures = standard.GeneratorFeatures / 4 };
        using var full = new DcganDiscriminator(standard);
        using var weak = new DcganDiscriminator(weaker);
        using var packedWeak = PackedDiscriminator.Dcgan(weaker with { DiscriminatorMinibatchStdDev = true }, packing: 2);

        var fullWeights = ParameterTable.Of(full, 2, 3, 28, 28).Trainable;
        var weakWeights = ParameterTable.Of(weak, 2, 3, 28, 28).Trainable;
        using var logits = packedWeak.forward(zeros(4, 3, 28, 28));

        output.WriteLine($"D with 64 feature maps: {fullWeights:N0} weights; with 16: {weakWeights:N0} ({(double)weakWeights / fullWeights:P1})");
        Assert.InRange((double)weakWeights / fullWeights, 1 / 20.0, 1 / 12.0);
        Assert.Equal(new long[] { 4 }, logits.shape);
    }
}
