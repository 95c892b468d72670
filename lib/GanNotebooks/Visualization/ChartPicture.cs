namespace GanNotebooks.Visualization;

/// <summary>
/// A chart in two forms shown together: a static PNG (always; it shows offline, in GitHub's viewer and in executed
/// notebooks) and, when the Plotly adapter is available, an interactive Plotly HTML fragment. Introduced in
/// notebook 02-vanilla-gan.
/// </summary>
/// <param name="Title">What the chart shows.</param>
/// <param name="Png">The static picture.</param>
/// <param name="PlotlyHtml">The interactive chart's HTML fragment (expects plotly.js loaded), or null.</param>
public sealed record ChartPicture(string Title, PngImage Png, string? PlotlyHtml);
