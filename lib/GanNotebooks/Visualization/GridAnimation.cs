using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace GanNotebooks.Visualization;

/// <summary>
/// Collects image grids of one size (the generator's samples from the same fixed noise, one grid every few epochs)
/// and encodes them as a looping animated GIF, like the animation at the end of PyTorch's DCGAN tutorial. Frames
/// are kept as raw bytes (width × height × channels each, e.g. 58 KB for 64 MNIST digits), and only the newest
/// <see cref="MaxFrames"/> are kept. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class GridAnimation
{
    private readonly List<GridPixels> _frames = [];

    /// <summary>Creates an empty animation.</summary>
    /// <param name="frameDelayMs">How long each frame shows, in milliseconds (GIF keeps hundredths of a second).</param>
    /// <param name="lastFrameDelayMs">How long the last frame shows before the loop starts again; null for <paramref name="frameDelayMs"/>.</param>
    /// <param name="maxFrames">The most frames kept; adding one more drops the oldest.</param>
    public GridAnimation(int frameDelayMs = 500, int? lastFrameDelayMs = 2000, int maxFrames = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameDelayMs);
        if (lastFrameDelayMs is { } last)
            ArgumentOutOfRangeException.ThrowIfNegative(last, nameof(lastFrameDelayMs));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrames, 1);
        FrameDelayMs = frameDelayMs;
        LastFrameDelayMs = lastFrameDelayMs ?? frameDelayMs;
        MaxFrames = maxFrames;
    }

    /// <summary>How long each frame shows, in milliseconds.</summary>
    public int FrameDelayMs { get; }

    /// <summary>How long the last frame shows, in milliseconds.</summary>
    public int LastFrameDelayMs { get; }

    /// <summary>The most frames kept.</summary>
    public int MaxFrames { get; }

    /// <summary>How many frames have been kept so far.</summary>
    public int Count => _frames.Count;

    /// <summary>Adds a frame; it must have the size and channel count of the first.</summary>
    /// <param name="frame">The grid's pixels, e.g. from <see cref="ImageGrid.ToPixels"/>.</param>
    public void Add(GridPixels frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        frame.Validate();
        if (_frames.Count > 0)
        {
            var first = _frames[0];
            if (frame.Width != first.Width || frame.Height != first.Height || frame.Channels != first.Channels)
                throw new ArgumentException(
                    $"Every frame must be {first.Width}×{first.Height}×{first.Channels} like the first; this one is {frame.Width}×{frame.Height}×{frame.Channels}.",
                    nameof(frame));
        }
        if (_frames.Count == MaxFrames)
            _frames.RemoveAt(0);
        _frames.Add(frame);
    }

    /// <summary>Forgets every frame.</summary>
    public void Clear() => _frames.Clear();

    /// <summary>Encodes the frames as a GIF that loops forever, each frame with its own 256-colour palette.</summary>
    public GifImage ToGif()
    {
        if (_frames.Count == 0)
            throw new InvalidOperationException("The animation has no frames yet: add a grid with Add first.");
        var first = _frames[0];
        var rgb = new byte[first.Width * first.Height * 3];
        ToRgb(first, rgb);
        using var image = Image.LoadPixelData<Rgb24>(rgb, first.Width, first.Height);
        image.Metadata.GetGifMetadata().RepeatCount = 0;
        for (int i = 1; i < _frames.Count; i++)
        {
            ToRgb(_frames[i], rgb);
            image.Frames.AddFrame(MemoryMarshal.Cast<byte, Rgb24>(rgb));
        }
        for (int i = 0; i < image.Frames.Count; i++)
        {
            var delayMs = i == image.Frames.Count - 1 ? LastFrameDelayMs : FrameDelayMs;
            image.Frames[i].Metadata.GetGifMetadata().FrameDelay = (int)Math.Round(delayMs / 10.0);
        }
        using var stream = new MemoryStream();
        image.Save(stream, new GifEncoder { ColorTableMode = GifColorTableMode.Local });
        return new GifImage(stream.ToArray(), first.Width, first.Height, _frames.Count);
    }

    private static void ToRgb(GridPixels frame, byte[] rgb)
    {
        if (frame.Channels == 3)
        {
            frame.Pixels.CopyTo(rgb, 0);
            return;
        }
        for (int i = 0; i < frame.Pixels.Length; i++)
            rgb[3 * i] = rgb[(3 * i) + 1] = rgb[(3 * i) + 2] = frame.Pixels[i];
    }
}
