using GanNotebooks.Visualization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GanNotebooks.Tests.Visualization;

public class LineChartTests
{
    internal static ChartPicture LossChart(int width = LineChart.DefaultWidth, int height = LineChart.DefaultHeight)
    {
        var random = new Random(7);
        var d = Enumerable.Range(0, 300).Select(i => 1.4 * Math.Exp(-i / 80.0) + 0.3 * random.NextDouble()).ToArray();
        var g = Enumerable.Range(0, 300).Select(i => 0.7 + 2.0 * (1 - Math.Exp(-i / 60.0)) + 0.4 * random.NextDouble()).ToArray();
        var generator = ChartSeries.OfSteps("generator", g);
        return LineChart.Draw("Losses during training", "step", "loss",
            [ChartSeries.OfSteps("discriminator", d), generator, generator.Smoothed(25)], width, height);
    }

    [Theory]
    [InlineData(LineChart.DefaultWidth, LineChart.DefaultHeight)]
    [InlineData(320, 200)]
    public void PngHasTheRequestedSizeAndIsNotBlank(int width, int height)
    {
        var chart = LossChart(width, height);
        Assert.Equal((width, height), (chart.Png.Width, chart.Png.Height));
        using var decoded = Image.Load<Rgb24>(chart.Png.Bytes);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        var colours = new HashSet<Rgb24>();
        for (int y = 0; y < height; y += 2)
            for (int x = 0; x < width; x += 2)
                colours.Add(decoded[x, y]);
        Assert.True(colours.Count > 20, $"only {colours.Count} colours");
        chart.Png.Save(Path.Combine(Path.GetTempPath(), $"gan-notebooks-linechart-{width}x{height}.png"));
    }

    [Fact]
    public void TitleIsKept() => Assert.Equal("Losses during training", LossChart().Title);

    [Fact]
    public void HtmlCarriesTheSeriesWhenTheAdapterIsThere()
    {
        Assert.True(PlotlyAdapter.IsAvailable, PlotlyAdapter.UnavailableReason);
        var html = LineChart.Draw("Discriminator outputs", "epoch", "D(x)",
            [new ChartSeries("real", [1, 2, 3], [0.9, 0.8, 0.75]), new ChartSeries("fake", [1, 2, 3], [0.1, 0.3, 0.45])]).PlotlyHtml;
        Assert.NotNull(html);
        Assert.Contains("\"real\"", html);
        Assert.Contains("\"fake\"", html);
        Assert.Contains("0.75", html);
        Assert.Contains("0.45", html);
        Assert.Contains("Discriminator outputs", html);
    }

    [Fact]
    public void NotInteractiveMeansNoHtml() =>
        Assert.Null(LineChart.Draw("t", "x", "y", [new ChartSeries("s", [0, 1], [1, 2])], interactive: false).PlotlyHtml);

    [Fact]
    public void NonFinitePointsAreLeftOut()
    {
        var chart = LineChart.Draw("t", "x", "y", [new ChartSeries("s", [0, 1, 2, 3], [1, double.NaN, double.PositiveInfinity, 2])]);
        Assert.NotNull(chart.PlotlyHtml);
        Assert.DoesNotContain("NaN", chart.PlotlyHtml);
        Assert.DoesNotContain("Infinity", chart.PlotlyHtml);
    }

    [Fact]
    public void RejectsBadSeries()
    {
        Assert.Throws<ArgumentException>(() => LineChart.Draw("t", "x", "y", []));
        Assert.Throws<ArgumentException>(() => LineChart.Draw("t", "x", "y", [new ChartSeries("s", [0, 1], [1])]));
        Assert.Throws<ArgumentException>(() => LineChart.Draw("t", "x", "y", [new ChartSeries(" ", [0], [1])]));
    }
}
