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
}
