using GanNotebooks.Visualization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GanNotebooks.Tests.Visualization;

public sealed class ScatterChartTests
{
    [Fact]
    public void Draws_points_of_each_series_in_its_own_colour()
    {
        var angles = Enumerable.Range(0, 200).Select(i => i * Math.PI / 100).ToArray();
        var chart = ScatterChart.Draw("Ring", "x", "y",
        [
            new ChartSeries("ring", angles.Select(Math.Cos).ToArray(), angles.Select(Math.Sin).ToArray()),
            new ChartSeries("centre", [0.0, 0.1], [0.0, -0.1]),
        ]);
        Assert.Null(chart.PlotlyHtml);
        using var image = Image.Load<Rgb24>(chart.Png.Bytes);
        Assert.Equal((520, 480), (image.Width, image.Height));
        int blue = 0, orange = 0;
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < image.Width; x++)
            {
                var p = image[x, y];
                if (p.B > 150 && p.R < 80) blue++;
                if (p.R > 200 && p.G > 100 && p.G < 160 && p.B < 60) orange++;
            }
        Assert.True(blue > 200 && orange > 5, $"blue {blue}, orange {orange}");
    }

    [Fact]
    public void An_empty_chart_is_refused() =>
        Assert.Throws<ArgumentException>(() => ScatterChart.Draw("t", "x", "y", []));
}
