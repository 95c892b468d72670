namespace GanNotebooks.Benchmarks;

/// <summary>Resident memory over a long training run (<see cref="MemoryProbe"/>).</summary>
/// <param name="Case">The case trained.</param>
/// <param name="Readings">Steps and resident MiB.</param>
/// <param name="BaselineMiB">Resident memory after the warm-up.</param>
/// <param name="PeakMiB">The process's peak resident memory (it includes loading the data and the other cases run before).</param>
public sealed record MemoryResult(BenchmarkCase Case, IReadOnlyList<(int Step, double MiB)> Readings, double BaselineMiB, double PeakMiB)
{
    /// <summary>Resident memory at the last reading.</summary>
    public double FinalMiB => Readings[^1].MiB;

    /// <summary>Growth from the baseline to the last reading, MiB.</summary>
    public double GrowthMiB => FinalMiB - BaselineMiB;

    /// <summary>The largest reading after the baseline, MiB.</summary>
    public double HighestAfterWarmupMiB => Readings.Where(r => r.MiB > 0).Skip(1).Select(r => r.MiB).DefaultIfEmpty(BaselineMiB).Max();
}
