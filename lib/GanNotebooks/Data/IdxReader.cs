using System.Buffers.Binary;
using System.IO.Compression;
using GanNotebooks.IO;

namespace GanNotebooks.Data;

/// <summary>
/// Reads IDX image and label files (and, since notebook 09-mode-collapse-benchmark, four-dimensional image files of
/// several channels), raw or gzip-compressed (detected by the magic bytes 1f 8b). The header is
/// validated and the exact payload length checked before the big buffer is allocated; a file that is wrong in
/// any way raises a <see cref="DataFileException"/> and nothing is returned half-loaded.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads an IDX image file (magic 0x00000803): count × rows × cols unsigned bytes.</summary>
    /// <exception cref="DataFileException">The file is missing, malformed, truncated or has trailing bytes.</exception>
    public static IdxImages ReadImages(string path)
    {
        var full = Path.GetFullPath(path);
        return Read(full, IdxFormat.ImageMagic, (header, open) =>
        {
            var count = DimensionAt(full, header, 4, "image count", IdxFormat.MaxCount);
            var rows = DimensionAt(full, header, 8, "rows", IdxFormat.MaxSide);
            var columns = DimensionAt(full, header, 12, "columns", IdxFormat.MaxSide);
            var pixels = ReadPayload(full, open, (long)count * rows * columns, "pixels");
            return new IdxImages(pixels, count, rows, columns);
        });
    }

    /// <summary>Reads an IDX label file (magic 0x00000801): one unsigned byte per item.</summary>
    /// <exception cref="DataFileException">The file is missing, malformed, truncated or has trailing bytes.</exception>
    public static byte[] ReadLabels(string path)
    {
        var full = Path.GetFullPath(path);
        return Read(full, IdxFormat.LabelMagic, (header, open) =>
        {
            var count = DimensionAt(full, header, 4, "label count", IdxFormat.MaxCount);
            return ReadPayload(full, open, count, "labels");
        });
    }

    /// <summary>
    /// Reads a four-dimensional IDX image file (magic 0x00000804): count × channels × rows × cols unsigned bytes,
    /// as <see cref="IdxWriter.WriteChannelImages(string, IdxChannelImages)"/> writes generated colour samples. Introduced in notebook
    /// 09-mode-collapse-benchmark.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, malformed, truncated or has trailing bytes.</exception>
    public static IdxChannelImages ReadChannelImages(string path)
    {
        var full = Path.GetFullPath(path);
        return Read(full, IdxFormat.ChannelImageMagic, (header, open) =>
        {
            var count = DimensionAt(full, header, 4, "image count", IdxFormat.MaxCount, IdxFormat.ReexportHint);
            var channels = DimensionAt(full, header, 8, "channels", IdxFormat.MaxChannels, IdxFormat.ReexportHint);
            var rows = DimensionAt(full, header, 12, "rows", IdxFormat.MaxSide, IdxFormat.ReexportHint);
            var columns = DimensionAt(full, header, 16, "columns", IdxFormat.MaxSide, IdxFormat.ReexportHint);
            var pixels = ReadPayload(full, open, (long)count * channels * rows * columns, "pixels");
            return new IdxChannelImages(pixels, count, channels, rows, columns);
        });
    }

    /// <summary>Whether the file starts with the gzip magic bytes 1f 8b.</summary>
    public static bool IsGzip(string path)
    {
        using var file = File.OpenRead(path);
        return StartsWithGzipMagic(file);
    }

    private static T Read<T>(string path, int expectedMagic, Func<byte[], OpenPayload, T> readBody)
    {
        var hint = HintFor(expectedMagic);
        var kind = PathCheck.Classify(path);
        if (kind == PathKind.Missing)
            throw new DataFileException(path, expectedMagic == IdxFormat.ChannelImageMagic
                ? $"{path}: file not found; export the samples first (SampleExport.WriteChannelImages)."
                : $"{path}: file not found; run ./gan data fetch mnist (or fashion-mnist).");
        if (kind != PathKind.RegularFile)
            throw new DataFileException(path, $"{PathCheck.Describe(path, kind, "an IDX file")}. To fix it, put the IDX file itself there, or {hint}.");
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var gzip = StartsWithGzipMagic(file);
            var gzipSize = gzip ? GzipTrailerSize(path, file, hint) : 0;
            using Stream content = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
            var headerSize = expectedMagic switch
            {
                IdxFormat.ImageMagic => IdxFormat.ImageHeaderSize,
                IdxFormat.ChannelImageMagic => IdxFormat.ChannelImageHeaderSize,
                _ => IdxFormat.LabelHeaderSize,
            };
            var header = new byte[headerSize];
            var got = content.ReadAtLeast(header, headerSize, throwOnEndOfStream: false);
            if (got < headerSize)
                throw Bad(path, $"truncated: the file ends inside the {headerSize}-byte IDX header ({got} bytes)", hint);
            CheckMagic(path, BinaryPrimitives.ReadInt32BigEndian(header), expectedMagic);
            var open = new OpenPayload(content, gzip, gzip ? gzipSize : file.Length, headerSize, hint);
            return readBody(header, open);
        }
        catch (InvalidDataException e)
        {
            throw Bad(path, $"corrupt gzip stream ({e.Message})", hint, e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException and not DataFileException)
        {
            throw new DataFileException(path, $"{PathCheck.DescribeFailure(path, e)}. To fix it, make it readable, or {hint}.", e);
        }
    }

    private static void CheckMagic(string path, int magic, int expected)
    {
        if (magic == expected)
            return;
        var kind = KindOf(expected);
        var hint = magic is IdxFormat.ImageMagic or IdxFormat.LabelMagic or IdxFormat.ChannelImageMagic ? $"; this is {KindOf(magic)}" : "";
        var sameType = (magic & ~0xFF) == (expected & ~0xFF);
        if (sameType && magic is not (IdxFormat.ImageMagic or IdxFormat.LabelMagic))
            throw Bad(path, $"wrong dimension count {magic & 0xFF} in magic number 0x{magic:X8} (expected {expected & 0xFF}: 0x{expected:X8} for {kind}){hint}", HintFor(expected));
        throw Bad(path, $"wrong magic number 0x{magic:X8} (expected 0x{expected:X8} for {kind}){hint}", HintFor(expected));
    }

    private static string KindOf(int magic) => magic switch
    {
        IdxFormat.ImageMagic => "an IDX image file",
        IdxFormat.ChannelImageMagic => "a four-dimensional IDX image file (count × channels × rows × cols)",
        _ => "an IDX label file",
    };

    private static string HintFor(int magic) => magic == IdxFormat.ChannelImageMagic ? IdxFormat.ReexportHint : IdxFormat.RefetchHint;

    private static int DimensionAt(string path, byte[] header, int offset, string name, int max) =>
        DimensionAt(path, header, offset, name, max, IdxFormat.RefetchHint);

    private static int DimensionAt(string path, byte[] header, int offset, string name, int max, string fix)
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(offset));
        if (value <= 0 || value > max)
            throw Bad(path, $"implausible {name} {(uint)value} in the header (expected 1 to {max:N0})", fix);
        return value;
    }

    private static byte[] ReadPayload(string path, OpenPayload open, long expected, string what)
    {
        if (expected > IdxFormat.MaxPixelBytes)
            throw Bad(path, $"implausible size: the header promises {expected:N0} bytes of {what}, more than the reader accepts", open.Hint);
        if (open.Gzip)
        {
            var promised = (uint)((open.HeaderSize + expected) & 0xFFFFFFFF);
            if (open.KnownLength != promised)
                throw Bad(path, $"size mismatch: the header promises {expected:N0} bytes of {what} ({open.HeaderSize + expected:N0} in all), "
                    + $"but the gzip trailer records {open.KnownLength:N0} decompressed bytes (truncated or corrupt gzip stream)", open.Hint);
        }
        else
        {
            var found = open.KnownLength - open.HeaderSize;
            if (found < expected)
                throw Bad(path, $"truncated: expected {expected:N0} bytes of {what}, found {found:N0}", open.Hint);
            if (found > expected)
                throw Bad(path, $"{found - expected:N0} trailing bytes after the {expected:N0} bytes of {what}", open.Hint);
        }
        var buffer = new byte[expected];
        var got = open.Content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (got < expected)
            throw Bad(path, $"truncated: expected {expected:N0} bytes of {what}, found {got:N0}", open.Hint);
        Span<byte> probe = stackalloc byte[1];
        if (open.Content.Read(probe) > 0)
            throw Bad(path, $"trailing bytes after the {expected:N0} bytes of {what}", open.Hint);
        return buffer;
    }

    private static bool StartsWithGzipMagic(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    // The last four bytes of a gzip member: the decompressed size modulo 2^32 (little-endian).
    private static long GzipTrailerSize(string path, FileStream file, string fix)
    {
        if (file.Length < 18)
            throw Bad(path, $"truncated gzip stream: only {file.Length} bytes", fix);
        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(trailer);
        file.Position = 0;
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    private static DataFileException Bad(string path, string problem, string fix, Exception? inner = null) =>
        new(path, $"{path}: {problem}. To fix it, {fix}.", inner);

    private sealed record OpenPayload(Stream Content, bool Gzip, long KnownLength, int HeaderSize, string Hint);
}
