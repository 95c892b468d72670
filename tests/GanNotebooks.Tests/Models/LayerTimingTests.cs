using GanNotebooks.Models;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class LayerTimingTests
{
    [Fact]
    public void Times_a_forward_and_backward_pass_and_leaves_gradients_on_the_layer_and_the_input()
    {
        manual_seed(4);
        using var layer = new Im2ColConv2d(1, 8, 4, stride: 2, padding: 1);
        using var input = randn(16, 1, 28, 28).requires_grad_();
        double ms = LayerTiming.MillisecondsPerPass(layer, input, repeats: 5);
        Assert.True(ms > 0 && double.IsFinite(ms), $"time per pass {ms} ms");
        Assert.NotNull(layer.Weight.grad);
        Assert.NotNull(input.grad);
        // Each pass starts from fresh gradients: after the passes the kernel's gradient is that of one pass.
        using var once = layer.Weight.grad!.clone();
        layer.zero_grad();
        input.grad = null;
        layer.forward(input).square().sum().backward();
        Assert.True(once.allclose(layer.Weight.grad!, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Compare_times_both_layers()
    {
        using var library = nn.ConvTranspose2d(4, 2, 3, bias: false);
        using var kit = new LatentProjection(4, 2, 3);
        using var z = randn(8, 4, 1, 1);
        var (first, second) = LayerTiming.Compare(library, kit, z, rounds: 2, repeats: 3);
        Assert.True(first > 0 && double.IsFinite(first) && second > 0 && double.IsFinite(second), $"{first} ms and {second} ms");
    }

    [Fact]
    public void A_count_of_passes_or_rounds_below_one_is_rejected()
    {
        using var layer = new LatentProjection(4, 2, 3);
        using var z = randn(2, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerTiming.MillisecondsPerPass(layer, z, repeats: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerTiming.Compare(layer, layer, z, rounds: 0));
    }
}
