using GanNotebooks.Models;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class DcganDiscriminatorTests
{
    [Theory]
    [InlineData(28, 1)]
    [InlineData(32, 3)]
    [InlineData(64, 3)]
    public void Gives_one_logit_per_image(int size, int channels)
    {
        using var d = new DcganDiscriminator(new DcganConfig { ImageSize = size, Channels = channels, DiscriminatorFeatures = 8 });
        using var logits = d.forward(zeros(5, channels, size, size));
        Assert.Equal(new long[] { 5 }, logits.shape);
    }

    [Fact]
    public void The_64_pixel_discriminator_matches_the_PyTorch_tutorials_size()
    {
        using var d = new DcganDiscriminator(new DcganConfig { ImageSize = 64, Channels = 3 });
        var table = ParameterTable.Of(d, 2, 3, 64, 64);
        Assert.Equal(2_765_568, table.Trainable);
        Assert.Equal("[2, 64, 32, 32]", table.Rows[0].OutputShape);
        Assert.Equal("[2, 1, 1, 1]", table.Rows[^1].OutputShape);
        Assert.DoesNotContain(table.Rows, r => r.Type.Contains("Pool"));
    }

    [Fact]
    public void With_matrix_product_layers_grey_images_are_read_by_them_and_colour_or_label_maps_by_the_convolution_library()
    {
        using var grey = new DcganDiscriminator(new DcganConfig { DiscriminatorFeatures = 32, MatrixProductLayers = true });
        Assert.Equal(["Im2ColConv2d", "Conv2d", "Im2ColConv2d"], ConvolutionTypes(ParameterTable.Of(grey, 2, 1, 28, 28)));
        using var colour = new DcganDiscriminator(new DcganConfig { ImageSize = 32, Channels = 3, DiscriminatorFeatures = 8, MatrixProductLayers = true });
        Assert.Equal(["Conv2d", "Conv2d", "Conv2d", "Im2ColConv2d"], ConvolutionTypes(ParameterTable.Of(colour, 2, 3, 32, 32)));
        using var conditional = new DcganDiscriminator(new DcganConfig { DiscriminatorFeatures = 8, MatrixProductLayers = true }, extraInputChannels: 10);
        Assert.Equal(["Conv2d", "Conv2d", "Im2ColConv2d"], ConvolutionTypes(ParameterTable.Of(conditional, 2, 11, 28, 28)));
        using var library = new DcganDiscriminator(new DcganConfig { DiscriminatorFeatures = 8, MatrixProductLayers = false });
        Assert.Equal(["Conv2d", "Conv2d", "Conv2d"], ConvolutionTypes(ParameterTable.Of(library, 2, 1, 28, 28)));
    }

    [Fact]
    public void Matrix_product_layers_give_the_same_logits_and_input_gradients_from_the_same_weights()
    {
        var config = new DcganConfig { DiscriminatorFeatures = 8, MatrixProductLayers = false };
        using var library = new DcganDiscriminator(config);
        using var products = new DcganDiscriminator(config with { MatrixProductLayers = true });
        using (no_grad())
            foreach (var ((_, mine), (_, theirs)) in products.named_parameters().Zip(library.named_parameters()))
                mine.copy_(theirs);
        manual_seed(10);
        using var images = rand(6, 1, 28, 28).mul_(2).sub_(1);
        using var x1 = images.clone().requires_grad_();
        using var x2 = images.clone().requires_grad_();
        using var expected = library.forward(x1);
        using var actual = products.forward(x2);
        expected.sum().backward();
        actual.sum().backward();
        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-5), $"largest difference {(actual - expected).abs().max().item<float>()}");
        Assert.True(x2.grad!.allclose(x1.grad!, rtol: 1e-4, atol: 1e-6));
    }

    private static IEnumerable<string> ConvolutionTypes(ParameterTable table) =>
        table.Rows.Where(r => r.Type.Contains("Conv")).Select(r => r.Type);
}
