using ScottPlot;

namespace GanNotebooks.Visualization;

/// <summary>
/// Bars over named categories as a static picture: grouped, one colour per series (how many samples fall in each
/// class, for real and generated images side by side; notebook 07-evaluating-gans), or one value per category with
/// an optional error bar and its value printed on it (the final quality of several configurations; notebook
/// 03-optimizers). Introduced in notebook 03-optimizers.
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

    /// <summary>Draws <paramref name="values"/> as one bar per category, each in its own colour and labelled with its value.</summary>
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
        if (categories.Count == 0) throw new ArgumentException("A bar chart needs at least one category.", nameof(categories));
        if (values.Count != categories.Count) throw new ArgumentException($"{categories.Count} categories but {values.Count} values.", nameof(values));
        if (errors is not null && errors.Count != categories.Count)
            throw new ArgumentException($"{categories.Count} categories but {errors.Count} error values.", nameof(errors));
        ChartStyle.CheckSize(width, height);
        var plot = new Plot();
        var bars = Enumerable.Range(0, values.Count).Where(i => double.IsFinite(values[i])).Select(i => new Bar
        {
            Position = i,
            Value = values[i],
            Error = errors is not null && double.IsFinite(errors[i]) ? Math.Abs(errors[i]) : 0,
            FillColor = ChartStyle.Color(i),
            Label = values[i].ToString(format, System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        if (bars.Count > 0) plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.15);   // room for the tallest bar's label
        return new ChartPicture(title, ChartStyle.Render(plot, title, "", yLabel, width, height, legend: false), null);
    }
}
