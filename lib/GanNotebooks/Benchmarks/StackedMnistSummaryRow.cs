namespace GanNotebooks.Benchmarks;

/// <summary>
/// One method's results over its seeds: modes covered and KL as mean, standard deviation and range, training time,
/// and the published figure for the same setting when there is one. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
/// <param name="Method">The method's name.</param>
/// <param name="Description">What the method changes.</param>
/// <param name="Seeds">Runs (one per seed).</param>
/// <param name="Steps">Training steps per run.</param>
/// <param name="SampleCount">Samples counted per run (N).</param>
/// <param name="ModesMean">Mean modes covered.</param>
/// <param name="ModesStd">Standard deviation of modes covered across seeds (0 with one seed).</param>
/// <param name="ModesMin">Fewest modes covered by a seed.</param>
/// <param name="ModesMax">Most modes covered by a seed.</param>
/// <param name="KlMean">Mean KL(generated modes ‖ uniform).</param>
/// <param name="KlStd">Standard deviation of the KL across seeds.</param>
/// <param name="TrainingSeconds">Mean training seconds per run.</param>
/// <param name="MsPerStep">Mean milliseconds per step.</param>
/// <param name="Published">The published figure for the same setting, or null.</param>
public sealed record StackedMnistSummaryRow(string Method, string Description, int Seeds, long Steps, int SampleCount,
    double ModesMean, double ModesStd, int ModesMin, int ModesMax, double KlMean, double KlStd,
    double TrainingSeconds, double MsPerStep, PublishedModeCount? Published)
{
    /// <summary>Mean share of the generated digits the classifier read confidently (real data: about 0.9); null when not counted.</summary>
    public double? ConfidentShareMean { get; init; }

    /// <summary>Mean number of modes among the images read confidently in all three channels; null when not counted.</summary>
    public double? ConfidentModesMean { get; init; }
}
