using System.Diagnostics;

namespace GanNotebooks.Benchmarks;

/// <summary>The timing protocol, the same as reference/gan_step.py's: warm-up iterations, then repetitions of a fixed number of iterations each.</summary>
/// <param name="Warmup">Iterations run and not timed (allocator, caches, JIT, OpenMP threads).</param>
/// <param name="Repetitions">Timed blocks per round.</param>
/// <param name="Iterations">Iterations per timed block.</param>
public sealed record IterationTimer(int Warmup = 30, int Repetitions = 8, int Iterations = 20)
{
    /// <summary>Milliseconds per iteration of each timed block.</summary>
    public double[] Measure(ITrainingIteration iteration)
    {
        for (int i = 0; i < Warmup; i++) iteration.Run();
        var result = new double[Repetitions];
        for (int r = 0; r < Repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < Iterations; i++) iteration.Run();
            result[r] = clock.Elapsed.TotalMilliseconds / Iterations;
        }
        return result;
    }
}
