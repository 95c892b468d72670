using GanNotebooks.Metrics;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// What one run of the Stacked MNIST benchmark measured: the modes its <see cref="SampleCount"/> generated samples
/// cover, KL(generated modes ‖ uniform), the training time, and where its samples were written. Introduced in
/// notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed record StackedMnistResult
{
    /// <summary>The method's name.</summary>
    public required string Method { get; init; }

    /// <summary>The run's seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Training steps taken.</summary>
    public required long Steps { get; init; }

    /// <summary>Seconds of training (sampling and counting not included).</summary>
    public required double TrainingSeconds { get; init; }

    /// <summary>Mean milliseconds per training step.</summary>
    public double MsPerStep => Steps > 0 ? TrainingSeconds * 1000 / Steps : double.NaN;

    /// <summary>The mode count of the generated samples.</summary>
    public required StackedMnistModes Modes { get; init; }

    /// <summary>Number of samples counted (N).</summary>
    public int SampleCount => Modes.SampleCount;

    /// <summary>Modes with at least one sample.</summary>
    public int ModesCovered => Modes.ModesCovered;

    /// <summary>KL(generated modes ‖ uniform) in nats.</summary>
    public double KlFromUniform => Modes.KlFromUniform;

    /// <summary>The <c>samples.idx4-ubyte</c> written, or null when none was.</summary>
    public string? SamplesFile { get; init; }
}
