using System.Net;
using System.Text;
using GanNotebooks.Metrics;
using GanNotebooks.Models;
using GanNotebooks.Visualization;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanNotebooks.Interactive;

/// <summary>
/// Teaches the notebook kernel to show the kit's types as pictures and tables instead of property lists:
/// <see cref="PngImage"/> as <c>image/png</c>, <see cref="GifImage"/> as <c>image/gif</c>, <see cref="ChartPicture"/> as an interactive chart together with its
/// static PNG, <see cref="ParameterTable"/> as an HTML table, <see cref="EvaluationReport"/> as its table, <see cref="PerClassReport"/> as an HTML table (notebook 05), <see cref="ImageGallery"/> as captioned pictures side by side (notebook 03). Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class KitFormatters
{
    private static bool registered;

    /// <summary>Registers the formatters once per kernel (later calls do nothing).</summary>
    public static void Register()
    {
        if (registered) return;
        Formatter.SetPreferredMimeTypesFor(typeof(PngImage), "image/png");
        Formatter.Register<PngImage>((image, writer) => writer.Write(image.ToBase64()), "image/png");

        Formatter.SetPreferredMimeTypesFor(typeof(GifImage), "image/gif");
        Formatter.Register<GifImage>((image, writer) => writer.Write(image.ToBase64()), "image/gif");

        Formatter.SetPreferredMimeTypesFor(typeof(ChartPicture), "text/html", "image/png");
        Formatter.Register<ChartPicture>((chart, writer) => writer.Write(ChartHtml(chart)), "text/html");
        Formatter.Register<ChartPicture>((chart, writer) => writer.Write(chart.Png.ToBase64()), "image/png");

        Formatter.SetPreferredMimeTypesFor(typeof(ParameterTable), "text/html", "text/plain");
        Formatter.Register<ParameterTable>((table, writer) => writer.Write(TableHtml(table)), "text/html");
        Formatter.Register<ParameterTable>((table, writer) => writer.Write(table.ToString()), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(EvaluationReport), "text/html", "text/plain");
        Formatter.Register<EvaluationReport>((report, writer) => writer.Write($"<pre>{WebUtility.HtmlEncode(report.ToTable())}</pre>"), "text/html");
        Formatter.Register<EvaluationReport>((report, writer) => writer.Write(report.ToTable()), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(PerClassReport), "text/html", "text/plain");
        Formatter.Register<PerClassReport>((report, writer) => writer.Write(PerClassHtml(report)), "text/html");
        Formatter.Register<PerClassReport>((report, writer) => writer.Write(report.ToTable()), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(ImageGallery), "text/html");
        Formatter.Register<ImageGallery>((gallery, writer) => writer.Write(gallery.ToHtml()), "text/html");
        registered = true;
    }

    /// <summary>
    /// A chart as HTML: the interactive Plotly chart when available (it needs plotly.js, which
    /// <see cref="NotebookSetup"/> loads), otherwise the static picture as an inline image.
    /// </summary>
    public static string ChartHtml(ChartPicture chart) =>
        chart.PlotlyHtml ?? ImageTag(chart.Png, chart.Title);

    /// <summary>An <c>&lt;img&gt;</c> tag holding <paramref name="image"/> as a data URI.</summary>
    public static string ImageTag(PngImage image, string alt) =>
        $"<img src=\"data:image/png;base64,{image.ToBase64()}\" width=\"{image.Width}\" height=\"{image.Height}\" alt=\"{WebUtility.HtmlEncode(alt)}\" />";

    private static string TableHtml(ParameterTable table)
    {
        var html = new StringBuilder();
        html.Append($"<table><caption style=\"text-align:left\"><b>{WebUtility.HtmlEncode(table.Model)}</b></caption>");
        html.Append("<thead><tr><th>Layer</th><th>Type</th><th>Output shape</th><th>Parameters</th><th>Running stats</th></tr></thead><tbody>");
        foreach (var r in table.Rows)
            html.Append($"<tr><td>{r.Layer}</td><td>{r.Type}</td><td>{r.OutputShape}</td><td style=\"text-align:right\">{ParameterTable.Count(r.Trainable)}</td><td style=\"text-align:right\">{ParameterTable.Count(r.RunningStatistics)}</td></tr>");
        html.Append("</tbody><tfoot><tr><td colspan=\"5\">");
        html.Append($"Trainable: <b>{ParameterTable.Count(table.Trainable)}</b> · running statistics: {ParameterTable.Count(table.RunningStatistics)} · total: <b>{ParameterTable.Count(table.Total)}</b>");
        html.Append("</td></tr></tfoot></table>");
        return html.ToString();
    }

    private static string PerClassHtml(PerClassReport report)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append($"<table><caption style=\"text-align:left\"><b>Per class: {WebUtility.HtmlEncode(report.Samples)}</b></caption>");
        html.Append("<thead><tr><th>Class</th><th>Samples</th><th>Label accuracy</th><th>Fréchet distance</th><th>Precision</th><th>Recall</th><th>Most often seen instead</th></tr></thead><tbody>");
        foreach (var r in report.Classes)
        {
            var confused = r.MostConfusedWith is { } m ? $"{WebUtility.HtmlEncode(report.Classes[m].Name)} ({r.Mistakes} wrong in all)" : "–";
            html.Append(string.Create(c, $"<tr><td>{WebUtility.HtmlEncode(r.Name)}</td><td style=\"text-align:right\">{r.Samples}</td><td style=\"text-align:right\">{r.LabelAccuracy * 100:F1}%</td>"));
            html.Append(string.Create(c, $"<td style=\"text-align:right\">{r.FrechetDistance:F2}</td><td style=\"text-align:right\">{r.Precision:F3}</td><td style=\"text-align:right\">{r.Recall:F3}</td><td>{confused}</td></tr>"));
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }
}
