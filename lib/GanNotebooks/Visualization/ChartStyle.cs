using ScottPlot;

namespace GanNotebooks.Visualization;

/// <summary>The look every static chart of the kit shares: titles, a sans-serif font, the legend's place, the PNG.</summary>
internal static class ChartStyle
{
    private const string SansFont = "DejaVu Sans";

    /// <summary>Titles the plot, applies the font and legend, renders it to a PNG of the given size and disposes it.</summary>
    public static PngImage Render(Plot plot, string title, string xLabel, string yLabel, int width, int height, bool legend = true)
    {
        try
        {
            plot.Title(title);
            plot.XLabel(xLabel);
            plot.YLabel(yLabel);
            // A sans-serif font every Linux has (Debian's fonts-dejavu-core); ScottPlot falls back when it is missing.
            plot.Font.Set(SansFont);
            // Below the data, so the legend never hides a line; inside it when the chart is too small to spare the room.
            if (legend && width >= 500 && height >= 300)
                plot.ShowLegend(Edge.Bottom);
            else if (legend)
                plot.ShowLegend(Alignment.UpperRight);
            return new PngImage(plot.GetImageBytes(width, height, ImageFormat.Png), width, height);
        }
        finally
        {
            plot.Dispose();
        }
    }

    /// <summary>The colour of the i-th series.</summary>
    public static Color Color(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    /// <summary>Checks a chart's size.</summary>
    public static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
    }
}
