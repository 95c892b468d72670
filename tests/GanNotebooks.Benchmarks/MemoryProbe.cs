using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// Trains a case for many steps with the kit's trainer and records resident memory every <see cref="Every"/> steps:
/// with a dispose scope per step it stays flat after the warm-up; a native tensor leak makes it climb.
/// </summary>
/// <param name="Steps">Steps in all.</param>
/// <param name="Every">Steps between two readings.</param>
/// <param name="WarmupSteps">Steps after which the baseline is read.</param>
public sealed record MemoryProbe(int Steps = 10_000, int Every = 500, int WarmupSteps = 500)
{
    /// <summary>Trains <paramref name="benchmarkCase"/> and returns the readings (step, MiB), the baseline after warm-up and the peak.</summary>
    public MemoryResult Run(BenchmarkCase benchmarkCase, Tensor images, Tensor labels, TextWriter log)
    {
        using var iteration = new KitIteration(benchmarkCase, images, labels);
        var readings = new List<(int Step, double MiB)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int step = 1; step <= Steps; step++)
        {
            iteration.Run();
            if (step % Every != 0) continue;
            GC.Collect();
            readings.Add((step, ResidentMemory.CurrentMiB()));
            if (step % (Every * 4) == 0) log.WriteLine($"  {benchmarkCase.Name}: step {step:N0}/{Steps:N0}, {readings[^1].MiB:F0} MiB, {clock.Elapsed:m\\:ss}");
        }
        var baseline = readings.First(r => r.Step >= WarmupSteps).MiB;
        return new MemoryResult(benchmarkCase, readings, baseline, ResidentMemory.PeakMiB());
    }
}
