using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace GanNotebooks.Visualization;

/// <summary>
/// The raw 8-bit pixels of a picture the kit made (usually an image grid), row by row, channels interleaved:
/// one byte a pixel for grey pictures, three (red, green, blue) for colour. Frames of a <see cref="GridAnimation"/>
/// and what tests compare. Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="Pixels">Width × Height × Channels bytes, the top row first.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Channels">1 (grey) or 3 (RGB).</param>
public sealed record GridPixels(byte[] Pixels, int Width, int Height, int Channels)
{
    /// <summary>The value of channel <paramref name="channel"/> of the pixel in column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    public byte At(int x, int y, int channel = 0) => Pixels[((y * Width) + x) * Channels + channel];

    /// <summary>Encodes the pixels as a PNG (8-bit grey or 8-bit RGB).</summary>
    public PngImage ToPng()
    {
        Validate();
        using var stream = new MemoryStream();
        if (Channels == 1)
        {
            using var image = Image.LoadPixelData<L8>(Pixels, Width, Height);
            image.Save(stream, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 });
        }
        else
        {
            using var image = Image.LoadPixelData<Rgb24>(Pixels, Width, Height);
            image.Save(stream, new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit8 });
        }
        return new PngImage(stream.ToArray(), Width, Height);
    }

    /// <summary>Throws when the sizes and the buffer disagree or the channel count is not 1 or 3.</summary>
    public void Validate()
    {
        if (Channels is not (1 or 3))
            throw new ArgumentException($"Channels must be 1 or 3, not {Channels}.");
        if (Width <= 0 || Height <= 0)
            throw new ArgumentException($"Width and height must be positive, not {Width}×{Height}.");
        if (Pixels.Length != Width * Height * Channels)
            throw new ArgumentException($"{Width}×{Height}×{Channels} pixels need {Width * Height * Channels} bytes, not {Pixels.Length}.");
    }
}
