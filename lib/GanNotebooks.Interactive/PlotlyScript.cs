namespace GanNotebooks.Interactive;

/// <summary>Loads plotly.js into the notebook page once, for the interactive charts.</summary>
internal static class PlotlyScript
{
    /// <summary>The HTML that loads plotly.js, or null when charts load it themselves.</summary>
    public static string? LoaderHtml => null;
}
