namespace GanNotebooks.Charts.Plotly

open Plotly.NET

/// <summary>
/// The one entry point of the Plotly adapter. It takes and returns only plain types (strings, arrays), so the core
/// library can call it by reflection across AssemblyLoadContexts. Introduced in notebook 02-vanilla-gan.
/// </summary>
[<AbstractClass; Sealed>]
type PlotlyCharts =
    /// <summary>
    /// Draws a line chart and returns its HTML fragment (a div and a script); the page must load plotly.js itself.
    /// </summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="xLabel">The x axis title.</param>
    /// <param name="yLabel">The y axis title.</param>
    /// <param name="names">One name per series.</param>
    /// <param name="xs">One array of x values per series.</param>
    /// <param name="ys">One array of y values per series, as long as its x array.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    static member LineChartHtml
        (title: string, xLabel: string, yLabel: string, names: string[], xs: double[][], ys: double[][], width: int, height: int)
        : string =
        if names.Length <> xs.Length || names.Length <> ys.Length then
            invalidArg (nameof names) "names, xs and ys must have one entry per series."
        Array.init names.Length (fun i -> Chart.Line(xs.[i], ys.[i], Name = names.[i], ShowLegend = true))
        |> Chart.combine
        |> Chart.withTitle title
        |> Chart.withXAxisStyle xLabel
        |> Chart.withYAxisStyle yLabel
        |> Chart.withSize (width, height)
        |> GenericChart.toChartHTML
