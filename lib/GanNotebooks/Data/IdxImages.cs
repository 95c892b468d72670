namespace GanNotebooks.Data;

/// <summary>
/// The contents of an IDX image file: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/>
/// unsigned-byte pixels, row-major, one image after the other. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class IdxImages
{
    /// <summary>Wraps <paramref name="pixels"/>, which must hold exactly count × rows × columns bytes.</summary>
    public IdxImages(byte[] pixels, int count, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if ((long)count * rows * columns != pixels.Length)
            throw new ArgumentException($"{pixels.Length} pixel bytes do not make {count} images of {rows}×{columns}.", nameof(pixels));
        Pixels = pixels;
        Count = count;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>All pixels, 0 (background) to 255, image after image.</summary>
    public byte[] Pixels { get; }

    /// <summary>Number of images.</summary>
    public int Count { get; }

    /// <summary>Rows (height) of each image.</summary>
    public int Rows { get; }

    /// <summary>Columns (width) of each image.</summary>
    public int Columns { get; }

    /// <summary>The pixels of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var size = Rows * Columns;
        return Pixels.AsSpan(index * size, size);
    }
}
