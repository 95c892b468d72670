namespace GanNotebooks.Data;

/// <summary>
/// The contents of a four-dimensional IDX image file (magic 0x00000804): <see cref="Count"/> images of
/// <see cref="Channels"/> × <see cref="Rows"/> × <see cref="Columns"/> unsigned-byte pixels, channel after channel
/// within an image (the [N, C, H, W] order of a tensor), one image after the other. Introduced in notebook
/// 09-mode-collapse-benchmark.
/// </summary>
public sealed class IdxChannelImages
{
    /// <summary>Wraps <paramref name="pixels"/>, which must hold exactly count × channels × rows × columns bytes.</summary>
    public IdxChannelImages(byte[] pixels, int count, int channels, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if ((long)count * channels * rows * columns != pixels.Length)
            throw new ArgumentException($"{pixels.Length} pixel bytes do not make {count} images of {channels}×{rows}×{columns}.", nameof(pixels));
        Pixels = pixels;
        Count = count;
        Channels = channels;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>All pixels, 0 to 255, in [N, C, H, W] order.</summary>
    public byte[] Pixels { get; }

    /// <summary>Number of images.</summary>
    public int Count { get; }

    /// <summary>Channels of each image (3 for Stacked MNIST).</summary>
    public int Channels { get; }

    /// <summary>Rows (height) of each image.</summary>
    public int Rows { get; }

    /// <summary>Columns (width) of each image.</summary>
    public int Columns { get; }
}
