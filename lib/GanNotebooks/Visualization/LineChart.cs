using ScottPlot;

namespace GanNotebooks.Visualization;

/// <summary>
/// Draws line charts (losses over steps, discriminator outputs over epochs) as a <see cref="ChartPicture"/>: a PNG
/// drawn with ScottPlot, always, and an interactive Plotly version when the Plotly adapter is available.
/// Points that are not finite (NaN, infinity) are left out. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class LineChart
{
    /// <summary>The default width in pixels.</summary>
    public const int DefaultWidth = 700;

    /// <summary>The default height in pixels.</summary>
    public const int DefaultHeight = 400;

    /// <summary>Draws the series as lines with a legend and axis labels.</summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="xLabel">The x axis label, e.g. "step".</param>
    /// <param name="yLabel">The y axis label, e.g. "loss".</param>
    /// <param name="series">One or more lines.</param>
    /// <param name="width">Width of the PNG and the interactive chart, in pixels.</param>
    /// <param name="height">Height of the PNG and the interactive chart, in pixels.</param>
    /// <param name="interactive">Also make the Plotly version (when the adapter is available).</param>
    public static ChartPicture Draw(
        string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series,
        int width = DefaultWidth, int height = DefaultHeight, bool interactive = true)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        ChartStyle.CheckSize(width, height);
        foreach (var s in series)
            s.Validate();
        var finite = series.Select(FiniteOnly).ToArray();

        var png = DrawPng(title, xLabel, yLabel, finite, width, height);
        var html = interactive ? PlotlyAdapter.TryLineChartHtml(title, xLabel, yLabel, finite, width, height, out _) : null;
        return new ChartPicture(title, png, html);
    }

    private static PngImage DrawPng(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, int width, int height)
    {
        var plot = new Plot();
        for (int i = 0; i < series.Count; i++)
        {
            var line = plot.Add.ScatterLine(series[i].X, series[i].Y, ChartStyle.Color(i));
            line.LegendText = series[i].Name;
            line.LineWidth = 1.5f;
        }
        return ChartStyle.Render(plot, title, xLabel, yLabel, width, height);
    }

    private static ChartSeries FiniteOnly(ChartSeries s)
    {
        var keep = Enumerable.Range(0, s.X.Length).Where(i => double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i])).ToArray();
        return keep.Length == s.X.Length ? s : new ChartSeries(s.Name, keep.Select(i => s.X[i]).ToArray(), keep.Select(i => s.Y[i]).ToArray());
    }
}
