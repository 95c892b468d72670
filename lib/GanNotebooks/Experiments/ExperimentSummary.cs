using System.Globalization;
using System.Text;

namespace GanNotebooks.Experiments;

/// <summary>
/// Compares configurations on one metric: final value (mean and spread across seeds), steadiness at the end of
/// training, wall time and divergences. Printable as a text table. Introduced in notebook 03-optimizers.
/// </summary>
public sealed class ExperimentSummary
{
    private ExperimentSummary(string metric, IReadOnlyList<ExperimentSummaryRow> rows)
    {
        Metric = metric;
        Rows = rows;
    }

    /// <summary>The metric compared.</summary>
    public string Metric { get; }

    /// <summary>One row per configuration, in the order they ran.</summary>
    public IReadOnlyList<ExperimentSummaryRow> Rows { get; }

    /// <summary>Summarises <paramref name="runs"/> on <paramref name="metric"/>.</summary>
    public static ExperimentSummary Of(IEnumerable<ExperimentRun> runs, string metric)
    {
        var rows = runs.GroupBy(r => r.Config.Name).Select(group =>
        {
            var list = group.ToList();
            var finals = list.Select(r => r.Final(metric)).Where(double.IsFinite).ToArray();
            double mean = finals.Length > 0 ? finals.Average() : double.NaN;
            double std = finals.Length > 1 ? Math.Sqrt(finals.Sum(v => (v - mean) * (v - mean)) / (finals.Length - 1)) : 0;
            var spreads = list.Select(r => r.Spread(metric)).Where(double.IsFinite).ToArray();
            return new ExperimentSummaryRow(group.Key, list.Count, list.Count(r => r.Divergence is not null), mean, std,
                spreads.Length > 0 ? spreads.Average() : double.NaN, list.Average(r => r.TrainingTime.TotalSeconds));
        }).ToList();
        return new ExperimentSummary(metric, rows);
    }

    /// <summary>A plain-text table.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{"configuration",-22} {"seeds",5} {"diverged",8} {"final " + Metric,16} {"± seeds",9} {"end spread",10} {"train s",8}"));
        foreach (var r in Rows)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-22} {r.Seeds,5} {r.Diverged,8} {r.FinalMean,16:F3} {r.FinalSeedStd,9:F3} {r.EndSpread,10:F3} {r.TrainingSeconds,8:F1}"));
        return text.ToString();
    }
}
