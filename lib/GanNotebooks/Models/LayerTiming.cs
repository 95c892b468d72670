using System.Diagnostics;
using static TorchSharp.torch;

namespace GanNotebooks.Models;

/// <summary>
/// Times one layer as training uses it: a forward pass and the backward pass of a loss on its output, in
/// milliseconds per pass, after a few untimed warm-up passes. Notebook 04-dcgan compares the convolution library's
/// layers with the kit's matrix-product versions (<see cref="LatentProjection"/>, <see cref="Im2ColConv2d"/>,
/// <see cref="Col2ImConvTranspose2d"/>) with it. Introduced in notebook 04-dcgan.
/// </summary>
public static class LayerTiming
{
    /// <summary>Untimed passes before the clock starts (the libraries pick and prepare their kernels on first use).</summary>
    public const int WarmupPasses = 5;

    /// <summary>
    /// Times two versions of a layer on the same <paramref name="input"/> in <paramref name="rounds"/> alternating rounds
    /// (so that a change in the machine's speed affects both alike) and returns each one's fastest round median, in
    /// milliseconds per forward-and-backward pass.
    /// </summary>
    public static (double First, double Second) Compare(nn.Module<Tensor, Tensor> first, nn.Module<Tensor, Tensor> second, Tensor input, int rounds = 3, int repeats = 20)
    {
        if (rounds <= 0) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "the number of rounds must be at least 1");
        double a = double.PositiveInfinity, b = double.PositiveInfinity;
        for (int round = 0; round < rounds; round++)
        {
            a = Math.Min(a, MillisecondsPerPass(first, input, repeats));
            b = Math.Min(b, MillisecondsPerPass(second, input, repeats));
        }
        return (a, b);
    }

    /// <summary>
    /// The median time of <paramref name="repeats"/> forward-and-backward passes of <paramref name="layer"/> on
    /// <paramref name="input"/> (whose gradient is computed too when it requires one), in milliseconds.
    /// </summary>
    public static double MillisecondsPerPass(nn.Module<Tensor, Tensor> layer, Tensor input, int repeats = 30)
    {
        if (repeats <= 0) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "the number of timed passes must be at least 1");
        var times = new double[repeats];
        for (int pass = -WarmupPasses; pass < repeats; pass++)
        {
            var clock = Stopwatch.StartNew();
            using (var scope = NewDisposeScope())
            {
                layer.zero_grad();
                if (input.requires_grad) input.grad = null;
                layer.forward(input).square().sum().backward();
            }
            if (pass >= 0) times[pass] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return repeats % 2 == 1 ? times[repeats / 2] : (times[repeats / 2 - 1] + times[repeats / 2]) / 2;
    }
}
