using System.Buffers.Binary;
using System.IO.Compression;
using GanNotebooks.IO;

namespace GanNotebooks.Data;

/// <summary>
/// Writes IDX image and label files atomically (a reader never sees half a file). A path ending in
/// <c>.gz</c> is gzip-compressed; any other path is written raw (e.g. <c>samples.idx3-ubyte</c>).
/// Introduced in notebook 02-vanilla-gan (exporting generated samples).
/// </summary>
public static class IdxWriter
{
    /// <summary>
    /// Writes <paramref name="count"/> images of <paramref name="rows"/> × <paramref name="cols"/> pixels
    /// (row-major, image after image; exactly count × rows × cols bytes) as an IDX image file.
    /// </summary>
    public static void WriteImages(string path, ReadOnlySpan<byte> pixels, int count, int rows, int cols)
    {
        CheckDimension(count, IdxFormat.MaxCount, nameof(count));
        CheckDimension(rows, IdxFormat.MaxSide, nameof(rows));
        CheckDimension(cols, IdxFormat.MaxSide, nameof(cols));
        if ((long)count * rows * cols != pixels.Length)
            throw new ArgumentException($"{pixels.Length} pixel bytes do not make {count} images of {rows}×{cols}.", nameof(pixels));
        var header = new byte[IdxFormat.ImageHeaderSize];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxFormat.ImageMagic);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), cols);
        Write(path, header, pixels.ToArray());
    }

    /// <summary>
    /// Writes <paramref name="count"/> images of <paramref name="channels"/> × <paramref name="rows"/> ×
    /// <paramref name="cols"/> pixels ([N, C, H, W] order; exactly count × channels × rows × cols bytes) as a
    /// four-dimensional IDX image file (magic 0x00000804), e.g. <c>samples.idx4-ubyte</c>. Introduced in notebook
    /// 09-mode-collapse-benchmark.
    /// </summary>
    public static void WriteChannelImages(string path, ReadOnlySpan<byte> pixels, int count, int channels, int rows, int cols)
    {
        CheckDimension(count, IdxFormat.MaxCount, nameof(count));
        CheckDimension(channels, IdxFormat.MaxChannels, nameof(channels));
        CheckDimension(rows, IdxFormat.MaxSide, nameof(rows));
        CheckDimension(cols, IdxFormat.MaxSide, nameof(cols));
        if ((long)count * channels * rows * cols != pixels.Length)
            throw new ArgumentException($"{pixels.Length} pixel bytes do not make {count} images of {channels}×{rows}×{cols}.", nameof(pixels));
        var header = new byte[IdxFormat.ChannelImageHeaderSize];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxFormat.ChannelImageMagic);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), channels);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), rows);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16), cols);
        Write(path, header, pixels.ToArray());
    }

    /// <summary>Writes <paramref name="images"/> as a four-dimensional IDX image file. Introduced in notebook 09-mode-collapse-benchmark.</summary>
    public static void WriteChannelImages(string path, IdxChannelImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        WriteChannelImages(path, images.Pixels, images.Count, images.Channels, images.Rows, images.Columns);
    }

    /// <summary>Writes <paramref name="images"/> as an IDX image file.</summary>
    public static void WriteImages(string path, IdxImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        WriteImages(path, images.Pixels, images.Count, images.Rows, images.Columns);
    }

    /// <summary>Writes one unsigned byte per item as an IDX label file.</summary>
    public static void WriteLabels(string path, ReadOnlySpan<byte> labels)
    {
        CheckDimension(labels.Length, IdxFormat.MaxCount, nameof(labels));
        var header = new byte[IdxFormat.LabelHeaderSize];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxFormat.LabelMagic);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), labels.Length);
        Write(path, header, labels.ToArray());
    }

    private static void Write(string path, byte[] header, byte[] payload)
    {
        var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, stream =>
        {
            if (!gzip)
            {
                stream.Write(header);
                stream.Write(payload);
                return;
            }
            using var compressed = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            compressed.Write(header);
            compressed.Write(payload);
        });
    }

    private static void CheckDimension(int value, int max, string name)
    {
        if (value <= 0 || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"Must be 1 to {max:N0}.");
    }
}
