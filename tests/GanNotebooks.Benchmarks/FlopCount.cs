using GanNotebooks.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// Multiply-add work of one training iteration, counted on the layers that do matrix products (linear, convolution,
/// transposed convolution; 2 FLOPs per multiply-add). A forward pass costs F; its backward costs F for the weight
/// gradients plus F for the input gradients, less the first layer's input gradient where the input needs none. One
/// iteration: G forward and backward (3F_G − first layer), D on the real and the detached fake batch with weight and
/// input gradients (6F_D − 2·first layer), D on the fake batch for G's update, input gradients only (2F_D).
/// Element-wise work (BatchNorm, activations, losses, Adam) is not counted: GFLOP/s here are matrix-product FLOPs.
/// </summary>
public static class FlopCount
{
    /// <summary>FLOPs of one iteration of <paramref name="benchmarkCase"/>.</summary>
    public static double PerIteration(BenchmarkCase benchmarkCase)
    {
        var (g, d) = benchmarkCase.CreateNetworks();
        using var scope = NewDisposeScope();
        long n = benchmarkCase.BatchSize;
        var labels = benchmarkCase.Classes is { } k ? randint(0, k, [n]) : null;
        var (gTotal, gFirst) = Forward(g, m => _ = labels is null
            ? ((nn.Module<Tensor, Tensor>)m).call(randn(n, BenchmarkCase.LatentSize))
            : ((nn.Module<Tensor, Tensor, Tensor>)m).call(randn(n, BenchmarkCase.LatentSize), labels));
        var (dTotal, dFirst) = Forward(d, m => _ = labels is null
            ? ((nn.Module<Tensor, Tensor>)m).call(randn(n, 1, 28, 28))
            : ((nn.Module<Tensor, Tensor, Tensor>)m).call(randn(n, 1, 28, 28), labels));
        g.Dispose();
        d.Dispose();
        return 3 * gTotal - gFirst + 8 * dTotal - 2 * dFirst;
    }

    /// <summary>Forward FLOPs of <paramref name="network"/> on one batch, in all and of its first matrix-product layer.</summary>
    private static (double Total, double First) Forward(nn.Module network, Action<nn.Module> run)
    {
        var layers = new List<double>();
        var removers = new List<Action>();
        void Count(nn.Module<Tensor, Tensor> layer, Func<Tensor, Tensor, double> flops) =>
            removers.Add(layer.register_forward_hook((_, input, output) =>
            {
                layers.Add(flops(input, output));
                return output;
            }).remove);
        foreach (var module in network.modules())
        {
            switch (module)
            {
                case Linear linear: Count(linear, (_, output) => 2.0 * output.numel() * linear.weight!.shape[1]); break;
                case Conv2d conv: Count(conv, (_, output) => 2.0 * output.numel() * conv.weight!.numel() / conv.weight.shape[0]); break;
                case ConvTranspose2d deconv: Count(deconv, (input, _) => 2.0 * input.numel() * deconv.weight!.numel() / deconv.weight.shape[0]); break;
                case Im2ColConv2d unfolded: Count(unfolded, (_, output) => 2.0 * output.numel() * unfolded.Weight.numel() / unfolded.Weight.shape[0]); break;
                case Col2ImConvTranspose2d folded: Count(folded, (input, _) => 2.0 * input.numel() * folded.Weight.numel() / folded.Weight.shape[0]); break;
                case LatentProjection projection: Count(projection, (input, _) => 2.0 * input.numel() * projection.Weight.numel() / projection.Weight.shape[0]); break;
            }
        }
        using (no_grad()) run(network);
        foreach (var remove in removers) remove();
        if (layers.Count == 0) throw new InvalidOperationException($"{network.GetType().Name} has no layer whose work is counted.");
        return (layers.Sum(), layers[0]);
    }
}
