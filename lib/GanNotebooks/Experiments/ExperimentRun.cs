using GanNotebooks.Training;
using GanNotebooks.Visualization;

namespace GanNotebooks.Experiments;

/// <summary>
/// The outcome of one configuration trained with one seed: its history, the metric values measured along the way,
/// the fixed-noise grids over training, its wall time, and the divergence that stopped it, if any. Introduced in
/// notebook 03-optimizers.
/// </summary>
public sealed class ExperimentRun
{
    internal ExperimentRun(ExperimentConfig config, long seed, TrainingHistory history)
    {
        Config = config;
        Seed = seed;
        History = history;
    }

    /// <summary>The configuration.</summary>
    public ExperimentConfig Config { get; }

    /// <summary>The seed (initial weights, data order and noise).</summary>
    public long Seed { get; }

    /// <summary>Every step's losses and discriminator outputs.</summary>
    public TrainingHistory History { get; }

    /// <summary>Metric values at each evaluation.</summary>
    public List<EvaluationPoint> Evaluations { get; } = [];

    /// <summary>The fixed-noise grids at each snapshot, as an animation.</summary>
    public GridAnimation Animation { get; } = new(frameDelayMs: 250);

    /// <summary>The fixed-noise grid at the end.</summary>
    public PngImage? FinalGrid { get; internal set; }

    /// <summary>Training time, evaluations excluded.</summary>
    public TimeSpan TrainingTime { get; internal set; }

    /// <summary>Set when the run stopped early because a loss stopped being finite.</summary>
    public TrainingDivergedException? Divergence { get; internal set; }

    /// <summary>The last measured value of <paramref name="metric"/>, or NaN.</summary>
    public double Final(string metric) =>
        Evaluations.Count > 0 && Evaluations[^1].Values.TryGetValue(metric, out var v) ? v : double.NaN;

    /// <summary>
    /// Standard deviation of <paramref name="metric"/> over the last <paramref name="share"/> of the evaluations: how
    /// much the result still moves at the end of training (lower is steadier).
    /// </summary>
    public double Spread(string metric, double share = 0.3)
    {
        var values = Evaluations.Select(e => e.Values.GetValueOrDefault(metric, double.NaN)).Where(double.IsFinite).ToArray();
        if (values.Length == 0) return double.NaN;
        var tail = values[^Math.Max(2, (int)Math.Ceiling(values.Length * share))..];
        if (tail.Length < 2) return 0;
        double mean = tail.Average();
        return Math.Sqrt(tail.Sum(v => (v - mean) * (v - mean)) / (tail.Length - 1));
    }
}
