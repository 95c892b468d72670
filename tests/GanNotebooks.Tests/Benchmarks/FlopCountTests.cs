using GanNotebooks.Benchmarks;
using TorchSharp.Modules;

namespace GanNotebooks.Tests.Benchmarks;

public sealed class FlopCountTests
{
    private static BenchmarkCase Case(string name) => BenchmarkCase.Parse(name).Single();

    [Fact]
    public void The_MLP_iteration_counts_every_linear_layer_as_written_out_from_its_weights()
    {
        var mlp = Case("mlp-b128");
        var (g, d) = mlp.CreateNetworks();
        // Forward work of a stack of linear layers: 2 · batch · Σ in·out, read off the weight matrices.
        static (double Total, double First) Forward(TorchSharp.torch.nn.Module network, long batch)
        {
            var sizes = network.modules().OfType<Linear>().Select(l => 2.0 * batch * l.weight!.shape[0] * l.weight.shape[1]).ToList();
            return (sizes.Sum(), sizes[0]);
        }
        var (gTotal, gFirst) = Forward(g, 128);
        var (dTotal, dFirst) = Forward(d, 128);
        double expected = 3 * gTotal - gFirst + 8 * dTotal - 2 * dFirst;
        Assert.Equal(expected, FlopCount.PerIteration(mlp), expected * 1e-12);
        Assert.InRange(expected / 1e9, 2.0, 2.05);   // 2.02 GFLOP: the README's figure
    }

    [Fact]
    public void The_DCGAN_iteration_counts_transposed_convolutions_per_input_pixel_and_convolutions_per_output_pixel()
    {
        // Multiply-adds per image, by hand, for 32 feature maps at 28×28:
        // G: 1×1 → 7×7 (100 → 64, k7): 1·100·64·49; 7×7 → 14×14 (64 → 32, k4): 49·64·32·16; 14×14 → 28×28 (32 → 1, k4): 196·32·1·16.
        // D: 28×28 → 14×14 (1 → 32, k4): 196·32·1·16; 14×14 → 7×7 (32 → 64, k4): 49·64·32·16; 7×7 → 1×1 (64 → 1, k7): 1·64·49.
        double g = 313_600 + 1_605_632 + 100_352, gFirst = 313_600;
        double d = 100_352 + 1_605_632 + 3_136, dFirst = 100_352;
        double expected = 2.0 * 64 * (3 * g - gFirst + 8 * d - 2 * dFirst);
        Assert.Equal(expected, FlopCount.PerIteration(Case("dcgan-b64")), expected * 1e-12);
    }
}
