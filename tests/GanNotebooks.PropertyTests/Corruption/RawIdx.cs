using System.Buffers.Binary;
using GanNotebooks.Data;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// A second, deliberately plain decoder of raw (uncompressed) IDX files, written from the format's description: the
/// content the bytes hold, or null when they are not a valid file within the reader's documented limits.
/// </summary>
public static class RawIdx
{
    public static IdxImages? DecodeImages(byte[] bytes)
    {
        if (bytes.Length < 16 || BinaryPrimitives.ReadInt32BigEndian(bytes) != 0x00000803) return null;
        int count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)), rows = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)),
            columns = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12));
        if (count is < 1 or > IdxFormat.MaxCount || rows is < 1 or > IdxFormat.MaxSide || columns is < 1 or > IdxFormat.MaxSide) return null;
        return (long)count * rows * columns == bytes.Length - 16 ? new IdxImages(bytes[16..], count, rows, columns) : null;
    }

    public static byte[]? DecodeLabels(byte[] bytes)
    {
        if (bytes.Length < 8 || BinaryPrimitives.ReadInt32BigEndian(bytes) != 0x00000801) return null;
        int count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        return count is >= 1 and <= IdxFormat.MaxCount && count == bytes.Length - 8 ? bytes[8..] : null;
    }

    public static IdxChannelImages? DecodeChannelImages(byte[] bytes)
    {
        if (bytes.Length < 20 || BinaryPrimitives.ReadInt32BigEndian(bytes) != 0x00000804) return null;
        int count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)), channels = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)),
            rows = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12)), columns = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        if (count is < 1 or > IdxFormat.MaxCount || channels is < 1 or > IdxFormat.MaxChannels
            || rows is < 1 or > IdxFormat.MaxSide || columns is < 1 or > IdxFormat.MaxSide) return null;
        return (long)count * channels * rows * columns == bytes.Length - 20 ? new IdxChannelImages(bytes[20..], count, channels, rows, columns) : null;
    }
}
