using System.Diagnostics;
using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>The machine's float32 matrix-multiply rate through TorchSharp's libtorch: the yardstick for GFLOP/s.</summary>
public static class MatmulPeak
{
    /// <summary>GFLOP/s of each of <paramref name="repetitions"/> n×n products (2n³ FLOPs each), after 3 untimed ones.</summary>
    public static double[] Measure(int n = 2048, int repetitions = 10)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n);
        var b = randn(n, n);
        for (int i = 0; i < 3; i++) mm(a, b).Dispose();
        var result = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            mm(a, b).Dispose();
            result[r] = 2.0 * n * n * n / clock.Elapsed.TotalSeconds / 1e9;
        }
        return result;
    }
}
