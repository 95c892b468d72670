using System.Net;
using GanNotebooks.Visualization;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanNotebooks.Interactive;

/// <summary>
/// What a training cell shows while it runs: the loss chart beside the fixed-noise samples, with a one-line status.
/// Meant for a <see cref="LiveDisplay"/>, which replaces it in place at every refresh. Introduced in notebook
/// 02-vanilla-gan.
/// </summary>
/// <param name="Losses">The loss curves so far (its static picture is shown: it redraws cheaply).</param>
/// <param name="Samples">The generator's images for the fixed noise.</param>
/// <param name="Status">One line: epoch, step, losses, time.</param>
public sealed record TrainingView(ChartPicture Losses, PngImage Samples, string Status)
{
    static TrainingView()
    {
        Formatter.SetPreferredMimeTypesFor(typeof(TrainingView), "text/html");
        Formatter.Register<TrainingView>((view, writer) => writer.Write(view.ToHtml()), "text/html");
    }

    /// <summary>The view as one HTML block: status line, then chart and samples side by side.</summary>
    public string ToHtml() =>
        $"<div><div style=\"font-family:monospace\">{WebUtility.HtmlEncode(Status)}</div>" +
        "<div style=\"display:flex;gap:12px;align-items:flex-start;flex-wrap:wrap\">" +
        KitFormatters.ImageTag(Losses.Png, Losses.Title) + KitFormatters.ImageTag(Samples, "samples from the fixed noise") +
        "</div></div>";
}
