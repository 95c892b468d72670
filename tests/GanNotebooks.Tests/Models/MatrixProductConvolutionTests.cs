using GanNotebooks.Models;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanNotebooks.Tests.Models;

/// <summary>
/// The three layers the DCGAN models compute as plain matrix products must give the convolution library's results,
/// forward and backward, for the shapes the models use (1, 3 and 11 image channels; 28, 32 and 64 pixels).
/// </summary>
public sealed class MatrixProductConvolutionTests
{
    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        double scale = Math.Max(1e-3, expected.abs().max().item<float>());
        double error = (expected - actual).abs().max().item<float>();
        Assert.True(error <= 1e-5 * scale + 1e-6, $"{what}: largest difference {error:G3} (values up to {scale:G3})");
    }

    /// <summary>
    /// Runs <paramref name="layer"/> and the library's <paramref name="reference"/> (input, kernel → output) with the same
    /// kernel on <paramref name="x"/>, back-propagates <paramref name="upstream"/> through both and compares the outputs
    /// and the gradients of the kernel and (when <paramref name="withInputGradient"/>) of the input.
    /// </summary>
    private static void AssertMatchesReference(TorchSharp.torch.nn.Module<Tensor, Tensor> layer, Tensor kernel, Tensor x, Tensor upstream,
        Func<Tensor, Tensor, Tensor> reference, bool withInputGradient = true)
    {
        using var input = withInputGradient ? x.detach().clone().requires_grad_() : x.detach().clone();
        using var y = layer.forward(input);
        y.backward([upstream]);
        using var gradW = kernel.grad!.clone();

        using var referenceInput = withInputGradient ? x.detach().clone().requires_grad_() : x.detach().clone();
        using var w = kernel.detach().clone().requires_grad_();
        using var expected = reference(referenceInput, w);
        expected.backward([upstream]);

        AssertClose(expected, y, "output");
        AssertClose(w.grad!, gradW, "gradient of the kernel");
        if (withInputGradient) AssertClose(referenceInput.grad!, input.grad!, "gradient of the input");
    }

    [Theory]
    [InlineData(1, 32, 28)]
    [InlineData(3, 64, 32)]
    [InlineData(11, 32, 28)]
    [InlineData(3, 8, 64)]
    public void Im2col_convolution_matches_Conv2d_in_value_and_gradients(int inputs, int outputs, int size)
    {
        manual_seed(inputs * 100 + size);
        using var layer = new Im2ColConv2d(inputs, outputs, 4, stride: 2, padding: 1);
        using var x = randn(5, inputs, size, size);
        using var upstream = randn(5, outputs, size / 2, size / 2);
        AssertMatchesReference(layer, layer.Weight, x, upstream, (input, w) => F.conv2d(input, w, strides: [2, 2], padding: [1, 1]));
    }

    [Theory]
    [InlineData(64, 7)]
    [InlineData(257, 4)]
    public void A_kernel_over_the_whole_map_matches_Conv2d_in_value_and_gradients(int inputs, int size)
    {
        manual_seed(inputs + size);
        using var layer = new Im2ColConv2d(inputs, 1, size);
        using var x = randn(5, inputs, size, size);
        using var upstream = randn(5, 1, 1, 1);
        AssertMatchesReference(layer, layer.Weight, x, upstream, (input, w) => F.conv2d(input, w));
    }

    [Theory]
    [InlineData(32, 1, 14)]
    [InlineData(64, 3, 16)]
    [InlineData(16, 3, 32)]
    public void Col2im_transposed_convolution_matches_ConvTranspose2d_in_value_and_gradients(int inputs, int outputs, int size)
    {
        manual_seed(inputs + outputs * 10 + size);
        using var layer = new Col2ImConvTranspose2d(inputs, outputs, 4, stride: 2, padding: 1);
        using var x = randn(4, inputs, size, size);
        using var upstream = randn(4, outputs, size * 2, size * 2);
        AssertMatchesReference(layer, layer.Weight, x, upstream, (input, w) => F.conv_transpose2d(input, w, strides: [2, 2], padding: [1, 1]));
    }

    [Theory]
    [InlineData(100, 64, 7)]
    [InlineData(110, 256, 4)]
    public void The_latent_projection_matches_a_transposed_convolution_of_a_1x1_image(int latent, int channels, int size)
    {
        manual_seed(latent + size);
        using var layer = new LatentProjection(latent, channels, size);
        using var z = randn(6, latent);
        using var upstream = randn(6, channels, size, size);
        AssertMatchesReference(layer, layer.Weight, z, upstream, (input, w) => F.conv_transpose2d(input.view(6, latent, 1, 1), w), withInputGradient: false);
        using var fromVector = layer.forward(z);
        using var fromImage = layer.forward(z.view(6, latent, 1, 1));
        AssertClose(fromVector, fromImage, "output for z given as a 1×1 image");
    }

    [Fact]
    public void The_layers_keep_the_convolution_modules_weight_shapes_and_names()
    {
        using var projection = new LatentProjection(100, 64, 7);
        using var conv = new Im2ColConv2d(1, 32, 4, stride: 2, padding: 1);
        using var deconv = new Col2ImConvTranspose2d(32, 1, 4, stride: 2, padding: 1);
        Assert.Equal(["weight"], projection.named_parameters().Select(p => p.name));
        Assert.Equal(new long[] { 100, 64, 7, 7 }, projection.Weight.shape);
        Assert.Equal(new long[] { 32, 1, 4, 4 }, conv.Weight.shape);
        Assert.Equal(new long[] { 32, 1, 4, 4 }, deconv.Weight.shape);
    }

    [Fact]
    public void Impossible_sizes_are_rejected_naming_the_layer()
    {
        Assert.Contains("Im2ColConv2d", Assert.Throws<ArgumentOutOfRangeException>(() => new Im2ColConv2d(0, 8, 4)).Message);
        Assert.Contains("Col2ImConvTranspose2d", Assert.Throws<ArgumentOutOfRangeException>(() => new Col2ImConvTranspose2d(8, 1, 4, stride: 0)).Message);
        Assert.Contains("LatentProjection", Assert.Throws<ArgumentOutOfRangeException>(() => new LatentProjection(100, 0, 7)).Message);
    }
}
