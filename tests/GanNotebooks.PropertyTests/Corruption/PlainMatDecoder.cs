using System.Buffers.Binary;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// A second, deliberately plain decoder of uncompressed MATLAB v5 files, written from the format's description for
/// the SVHN layout only: top-level elements after the 128-byte header, each a miMATRIX of flags, dimensions, name and
/// real values; X as uint8 values [32, 32, 3, N], y as N doubles. It says what a corrupted copy holds, so that the
/// kit's loader can be held to exactly that.
/// </summary>
public static class PlainMatDecoder
{
    /// <summary>The outcome of decoding: the SVHN content the bytes hold, or why they hold none.</summary>
    public sealed record Decoded(SvhnContent? Content, string Verdict);

    public static Decoded Decode(byte[] file)
    {
        if (file.Length < 128 || !file.AsSpan(0, 19).SequenceEqual("MATLAB 5.0 MAT-file"u8) || file[126] != 'I' || file[127] != 'M'
            || BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(124)) != 0x0100)
            return new(null, "no v5 header");
        byte[]? x = null, y = null;
        int[]? xDims = null;
        int at = 128;
        while (at < file.Length)
        {
            if (file.Length - at < 8) return new(null, "stray bytes");
            uint first = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at));
            if (first >> 16 != 0) { at += 8; continue; }   // a small element: skipped
            long size = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 4));
            if (size > file.Length - at - 8) return new(null, "element past the end");
            if (first == 15) return new(null, "a compressed element (none in this layout)");
            if (first == 14 && Matrix(file.AsSpan(at + 8, (int)size)) is var (name, dims, values, ok))
            {
                if (!ok) return new(null, "a malformed matrix");
                if (name == "X" && values is { Storage: 2, Class: 9 }) { x = values.Bytes; xDims = dims; }
                else if (name == "X" && values is not null) return new(null, "X is not uint8");
                if (name == "y" && values is { Storage: 9 }) y = values.Bytes;
                else if (name == "y" && values is not null) return new(null, "y is not stored as doubles");
            }
            at = (int)(((long)at + 8 + size + 7) & ~7L);
        }
        if (x is null || y is null || xDims is not [32, 32, 3, var count] || y.Length != count * 8)
            return new(null, "X or y missing or of the wrong shape");
        var content = SvhnContent.FromValues(x, y);
        return new(content, content is null ? "a label outside 1..10" : "decoded");
    }

    private sealed record Values(int Class, int Storage, byte[] Bytes);

    // (name, dimensions, values (null when the array is not one the reader reads), well-formed)
    private static (string Name, int[] Dims, Values? Values, bool Ok) Matrix(ReadOnlySpan<byte> body)
    {
        int at = 0;
        if (!Sub(body, ref at, out _, out var flags) || flags.Length < 8) return ("", [], null, false);
        if (!Sub(body, ref at, out _, out var dimBytes) || dimBytes.Length < 8 || dimBytes.Length % 4 != 0) return ("", [], null, false);
        var dims = new int[dimBytes.Length / 4];
        for (int i = 0; i < dims.Length; i++) dims[i] = BinaryPrimitives.ReadInt32LittleEndian(dimBytes.AsSpan(i * 4));
        if (!Sub(body, ref at, out _, out var nameBytes)) return ("", [], null, false);
        var name = System.Text.Encoding.ASCII.GetString(nameBytes);
        int classId = flags[0];
        if (classId is < 6 or > 15 || (flags[1] & 0x08) != 0 || (name != "X" && name != "y")) return (name, dims, null, true);
        if (dims.Any(d => d < 0)) return (name, dims, null, false);
        if (!Sub(body, ref at, out var storage, out var data)) return (name, dims, null, false);
        int width = storage switch { 1 or 2 => 1, 3 or 4 => 2, 5 or 6 or 7 => 4, 9 or 12 or 13 => 8, _ => 0 };
        long count = dims.Aggregate(1L, (a, d) => a * d);
        if (width == 0 || data.Length != count * width) return (name, dims, null, false);
        return (name, dims, new Values(classId, storage, data), true);
    }

    // One sub-element (normal or small form), moving past its padding; false when it does not fit.
    private static bool Sub(ReadOnlySpan<byte> body, ref int at, out int type, out byte[] data)
    {
        type = 0; data = [];
        if (body.Length - at < 8) return false;
        uint first = BinaryPrimitives.ReadUInt32LittleEndian(body[at..]);
        if (first >> 16 != 0)
        {
            int smallSize = (int)(first >> 16);
            if (smallSize > 4) return false;
            type = (int)(first & 0xFFFF);
            data = body.Slice(at + 4, smallSize).ToArray();
            at += 8;
            return true;
        }
        long size = BinaryPrimitives.ReadUInt32LittleEndian(body[(at + 4)..]);
        if (size > body.Length - at - 8) return false;
        type = (int)first;
        data = body.Slice(at + 8, (int)size).ToArray();
        at = (int)Math.Min(body.Length, (at + 8 + size + 7) & ~7L);
        return true;
    }
}
