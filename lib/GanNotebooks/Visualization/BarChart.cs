using ScottPlot;

namespace GanNotebooks.Visualization;

/// <summary>
/// Draws one value per category as a bar, optionally with an error bar (e.g. the spread across seeds), as a static
/// <see cref="ChartPicture"/>: the final quality or the training time of several configurations side by side. Each
/// bar carries its value as a label. Introduced in notebook 03-optimizers.
/// </summary>
public static class BarChart
{
    /// <summary>Draws <paramref name="values"/> as bars named by <paramref name="categories"/>.</summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="yLabel">What the values are, e.g. "Fréchet distance".</param>
    /// <param name="categories">One name per bar, shown under it.</param>
    /// <param name="values">One value per bar; a value that is not finite leaves its bar out (its name stays).</param>
    /// <param name="errors">Optional half-heights of error bars, one per bar (0 or NaN draws none).</param>
    /// <param name="width">Width of the PNG in pixels.</param>
    /// <param name="height">Height of the PNG in pixels.</param>
    /// <param name="format">How a bar's value is printed above it (a .NET format string). Default "0.##".</param>
    public static ChartPicture Draw(string title, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<double> values,
        IReadOnlyList<double>? errors = null, int width = LineChart.DefaultWidth, int height = LineChart.DefaultHeight, string format = "0.##")
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        if (categories.Count == 0) throw new ArgumentException("A bar chart needs at least one category.", nameof(categories));
        if (values.Count != categories.Count)
            throw new ArgumentException($"{categories.Count} categories but {values.Count} values.", nameof(values));
        if (errors is not null && errors.Count != categories.Count)
            throw new ArgumentException($"{categories.Count} categories but {errors.Count} error values.", nameof(errors));
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);

        var plot = new Plot();
        try
        {
            var palette = new ScottPlot.Palettes.Category10();
            var bars = new List<Bar>();
            for (int i = 0; i < values.Count; i++)
            {
                if (!double.IsFinite(values[i])) continue;
                double error = errors is not null && double.IsFinite(errors[i]) ? Math.Abs(errors[i]) : 0;
                bars.Add(new Bar
                {
                    Position = i, Value = values[i], Error = error, FillColor = palette.GetColor(i),
                    Label = values[i].ToString(format, System.Globalization.CultureInfo.InvariantCulture),
                });
            }
            if (bars.Count > 0) plot.Add.Bars(bars);
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.ToArray());
            plot.Axes.Margins(bottom: 0, top: 0.15);   // room for the tallest bar's label
            plot.Title(title);
            plot.YLabel(yLabel);
            plot.Font.Set("DejaVu Sans");
            return new ChartPicture(title, new PngImage(plot.GetImageBytes(width, height, ImageFormat.Png), width, height), null);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
