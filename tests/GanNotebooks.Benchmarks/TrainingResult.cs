namespace GanNotebooks.Benchmarks;

/// <summary>What the training benchmark measured for one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="FlopsPerIteration">Matrix-product FLOPs of one iteration (<see cref="FlopCount"/>).</param>
/// <param name="Kit">The kit's trainer (<see cref="KitIteration"/>), ms per iteration.</param>
/// <param name="Bare">The plain TorchSharp loop (<see cref="BareIteration"/>), ms per iteration.</param>
/// <param name="PyTorch">The PyTorch twin in its faster thread split, ms per iteration; null when PyTorch was not run.</param>
/// <param name="PyTorchSplit">The split <paramref name="PyTorch"/> was measured with.</param>
public sealed record TrainingResult(BenchmarkCase Case, double FlopsPerIteration, TimingSummary Kit, TimingSummary Bare,
    TimingSummary? PyTorch, PyTorchConfig? PyTorchSplit)
{
    /// <summary>The kit's trainer against the bare loop: 0.03 means 3% slower.</summary>
    public double KitOverhead => Kit.Median / Bare.Median - 1;

    /// <summary>GFLOP/s of the kit's trainer.</summary>
    public double KitGflops => FlopsPerIteration / (Kit.Median / 1000) / 1e9;

    /// <summary>The kit's time as a multiple of PyTorch's (below 1: faster); null without PyTorch.</summary>
    public double? RatioToPyTorch => PyTorch is null ? null : Kit.Median / PyTorch.Median;
}
