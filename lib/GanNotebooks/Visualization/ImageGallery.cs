using System.Net;
using System.Text;

namespace GanNotebooks.Visualization;

/// <summary>
/// Several pictures (<see cref="PngImage"/> or <see cref="GifImage"/>) side by side, each with a caption above it,
/// as one HTML block: e.g. the fixed-noise samples of every configuration of an experiment. The notebook kernel
/// shows it as HTML. Introduced in notebook 03-optimizers.
/// </summary>
public sealed class ImageGallery
{
    private readonly List<(string Caption, string Mime, string Base64, int Width, int Height)> items = [];

    /// <summary>Adds a still picture under <paramref name="caption"/>; returns this gallery.</summary>
    public ImageGallery Add(string caption, PngImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        items.Add((caption, "image/png", image.ToBase64(), image.Width, image.Height));
        return this;
    }

    /// <summary>Adds an animation under <paramref name="caption"/>; returns this gallery.</summary>
    public ImageGallery Add(string caption, GifImage animation)
    {
        ArgumentNullException.ThrowIfNull(animation);
        items.Add((caption, "image/gif", animation.ToBase64(), animation.Width, animation.Height));
        return this;
    }

    /// <summary>How many pictures the gallery holds.</summary>
    public int Count => items.Count;

    /// <summary>The pictures as HTML: a wrapping row of captioned images, embedded as data URIs.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start\">");
        foreach (var (caption, mime, base64, width, height) in items)
        {
            var text = WebUtility.HtmlEncode(caption);
            html.Append("<figure style=\"margin:0\">")
                .Append($"<figcaption style=\"font-family:sans-serif;font-size:13px;text-align:center\">{text}</figcaption>")
                .Append($"<img src=\"data:{mime};base64,{base64}\" width=\"{width}\" height=\"{height}\" alt=\"{text}\" />")
                .Append("</figure>");
        }
        return html.Append("</div>").ToString();
    }
}
