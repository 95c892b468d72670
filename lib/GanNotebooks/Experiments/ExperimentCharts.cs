using GanNotebooks.Training;
using GanNotebooks.Visualization;

namespace GanNotebooks.Experiments;

/// <summary>Charts that put the runs of an experiment side by side. Introduced in notebook 03-optimizers.</summary>
public static class ExperimentCharts
{
    /// <summary>One line per run: <paramref name="metric"/> against training steps.</summary>
    public static ChartPicture Metric(IEnumerable<ExperimentRun> runs, string metric, string? title = null, bool interactive = true) =>
        LineChart.Draw(title ?? $"{metric} over training", "step", metric,
            runs.Where(r => r.Evaluations.Count > 0).Select(r => new ChartSeries(Label(r),
                r.Evaluations.Select(e => (double)e.Step).ToArray(),
                r.Evaluations.Select(e => e.Values.GetValueOrDefault(metric, double.NaN)).ToArray())).ToList(),
            interactive: interactive);

    /// <summary>One line per run: a per-step quantity (moving average over <paramref name="window"/> steps).</summary>
    public static ChartPicture Steps(IEnumerable<ExperimentRun> runs, string quantity, Func<StepMetrics, float> select, int window = 50, bool interactive = true) =>
        LineChart.Draw($"{quantity} (moving average)", "step", quantity,
            runs.Where(r => r.History.Count > 0).Select(r => new ChartSeries(Label(r), r.History.StepNumbers(),
                Smoothing.MovingAverage(r.History.Column(select), Math.Min(window, r.History.Count)))).ToList(),
            interactive: interactive);

    private static string Label(ExperimentRun run) => $"{run.Config.Name} (seed {run.Seed})";
}
