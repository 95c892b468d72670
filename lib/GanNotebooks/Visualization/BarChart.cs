using ScottPlot;

namespace GanNotebooks.Visualization;

/// <summary>
/// Grouped bars over named categories, one colour per series: e.g. how many samples fall in each class, for real
/// and generated images side by side. A static picture. Introduced in notebook 07-evaluating-gans.
/// </summary>
public static class BarChart
{
    /// <summary>Draws one bar per category and series; <paramref name="series"/> maps a name to one value per category.</summary>
    public static ChartPicture Draw(string title, string xLabel, string yLabel, IReadOnlyList<string> categories,
        IReadOnlyList<(string Name, double[] Values)> series, int width = 700, int height = 400)
    {
        if (categories.Count == 0) throw new ArgumentException("A bar chart needs at least one category.", nameof(categories));
        if (series.Count == 0) throw new ArgumentException("A bar chart needs at least one series.", nameof(series));
        foreach (var (name, values) in series)
            if (values.Length != categories.Count)
                throw new ArgumentException($"Series '{name}' has {values.Length} values for {categories.Count} categories.", nameof(series));
        ChartStyle.CheckSize(width, height);
        var plot = new Plot();
        double groupWidth = 0.8, barWidth = groupWidth / series.Count;
        for (int s = 0; s < series.Count; s++)
        {
            var bars = series[s].Values.Select((v, k) => new Bar
            {
                Position = k - groupWidth / 2 + barWidth * (s + 0.5),
                Value = double.IsFinite(v) ? v : 0,
                Size = barWidth * 0.95,
                FillColor = ChartStyle.Color(s),
            }).ToList();
            plot.Add.Bars(bars).LegendText = series[s].Name;
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(k => (double)k).ToArray(), categories.ToArray());
        plot.Axes.Margins(bottom: 0);
        return new ChartPicture(title, ChartStyle.Render(plot, title, xLabel, yLabel, width, height, legend: series.Count > 1), null);
    }
}
