using GanNotebooks.Visualization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GanNotebooks.Tests.Visualization;

public sealed class BarChartTests
{
    [Fact]
    public void Draws_grouped_bars_with_taller_bars_for_larger_values()
    {
        var chart = BarChart.Draw("Samples per class", "class", "share", ["0", "1", "2"],
            [("real", [0.1, 0.5, 0.4]), ("generated", [0.3, 0.3, 0.4])]);
        using var image = Image.Load<Rgb24>(chart.Png.Bytes);
        // Count the blue (first series) pixels per column band: the middle class's bar is the tallest.
        var blueRows = new int[image.Width];
        for (int x = 0; x < image.Width; x++)
            for (int y = 0; y < image.Height; y++)
                if (image[x, y] is { B: > 150, R: < 80, G: > 90 and < 140 }) blueRows[x]++;
        int third = image.Width / 3;
        int Tallest(int from, int to) => blueRows[from..to].Max();
        Assert.True(Tallest(third, 2 * third) > Tallest(0, third), "class 1 (0.5) must be taller than class 0 (0.1)");
    }

    [Fact]
    public void Series_and_categories_must_agree()
    {
        var error = Assert.Throws<ArgumentException>(() => BarChart.Draw("t", "x", "y", ["a", "b"], [("s", [1.0])]));
        Assert.Contains("'s' has 1 values for 2 categories", error.Message);
    }

    [Fact]
    public void Draws_a_png_of_the_requested_size_with_coloured_bars()
    {
        var chart = BarChart.Draw("Final Fréchet distance", "Fréchet distance", ["SGD", "RMSprop", "Adam"], [120.5, 30.2, 25.0], [10, 2, double.NaN], 500, 300);
        Assert.Equal("Final Fréchet distance", chart.Title);
        Assert.Null(chart.PlotlyHtml);
        using var decoded = Image.Load<Rgb24>(chart.Png.Bytes);
        Assert.Equal((500, 300), (decoded.Width, decoded.Height));
        var colours = new HashSet<Rgb24>();
        for (int y = 0; y < 300; y += 3)
            for (int x = 0; x < 500; x += 3)
                colours.Add(decoded[x, y]);
        Assert.True(colours.Count > 10, $"only {colours.Count} colours");
    }

    [Fact]
    public void A_value_that_is_not_finite_leaves_its_bar_out()
    {
        var chart = BarChart.Draw("t", "y", ["a", "b"], [1.0, double.NaN]);
        Assert.True(chart.Png.Bytes.Length > 100);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => BarChart.Draw("t", "y", ["a", "b"], [1.0]));
        Assert.Throws<ArgumentException>(() => BarChart.Draw("t", "y", ["a"], [1.0], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => BarChart.Draw("t", "y", [], []));
    }
}
