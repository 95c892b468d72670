namespace GanNotebooks.Training;

/// <summary>
/// Everything a run measured, step by step, as plain numbers for charts and checks. Introduced in notebook
/// 02-vanilla-gan.
/// </summary>
public sealed class TrainingHistory
{
    private readonly List<StepMetrics> steps = [];
    private readonly List<PixelStatistics> pixels = [];

    /// <summary>The metrics of every step, in order.</summary>
    public IReadOnlyList<StepMetrics> Steps => steps;

    /// <summary>Pixel statistics, one entry per measurement.</summary>
    public IReadOnlyList<PixelStatistics> Pixels => pixels;

    /// <summary>Appends one step's metrics.</summary>
    public void Add(StepMetrics metrics) => steps.Add(metrics);

    /// <summary>Appends one pixel-statistics measurement.</summary>
    public void Add(PixelStatistics statistics) => pixels.Add(statistics);

    /// <summary>Replaces everything recorded with <paramref name="stepMetrics"/> and <paramref name="pixelStatistics"/> (used when a checkpoint is loaded).</summary>
    internal void Restore(IEnumerable<StepMetrics> stepMetrics, IEnumerable<PixelStatistics> pixelStatistics)
    {
        steps.Clear();
        steps.AddRange(stepMetrics);
        pixels.Clear();
        pixels.AddRange(pixelStatistics);
    }

    /// <summary>Steps recorded so far.</summary>
    public int Count => steps.Count;

    /// <summary>One column of the step metrics as doubles (e.g. <c>h.Column(m => m.GeneratorLoss)</c>).</summary>
    public double[] Column(Func<StepMetrics, float> select) => steps.Select(m => (double)select(m)).ToArray();

    /// <summary>The step numbers, for a chart's x axis.</summary>
    public double[] StepNumbers() => steps.Select(m => (double)m.Step).ToArray();

    /// <summary>Mean of one metric over the last <paramref name="window"/> steps (NaN when empty).</summary>
    public double RecentMean(Func<StepMetrics, float> select, int window = 100)
    {
        if (steps.Count == 0) return double.NaN;
        int from = Math.Max(0, steps.Count - window);
        double sum = 0;
        for (int i = from; i < steps.Count; i++) sum += select(steps[i]);
        return sum / (steps.Count - from);
    }
}
