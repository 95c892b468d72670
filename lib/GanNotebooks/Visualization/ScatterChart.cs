using ScottPlot;

namespace GanNotebooks.Visualization;

/// <summary>
/// Points without lines, one colour per series: 2-D samples of toy distributions, or features projected to two
/// dimensions. A static picture (no interactive version). Introduced in notebook 07-evaluating-gans.
/// </summary>
public static class ScatterChart
{
    /// <summary>Draws the series as dots of <paramref name="markerSize"/> pixels; <paramref name="equalAxes"/> keeps circles round.</summary>
    public static ChartPicture Draw(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series,
        int width = 520, int height = 480, float markerSize = 3, bool equalAxes = true)
    {
        if (series.Count == 0) throw new ArgumentException("A chart needs at least one series.", nameof(series));
        ChartStyle.CheckSize(width, height);
        var plot = new Plot();
        for (int i = 0; i < series.Count; i++)
        {
            series[i].Validate();
            var points = plot.Add.ScatterPoints(series[i].X, series[i].Y, ChartStyle.Color(i));
            points.MarkerSize = markerSize;
            points.LegendText = series[i].Name;
        }
        if (equalAxes) plot.Axes.SquareUnits();
        return new ChartPicture(title, ChartStyle.Render(plot, title, xLabel, yLabel, width, height), null);
    }
}
