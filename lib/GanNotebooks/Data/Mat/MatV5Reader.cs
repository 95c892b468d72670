using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using GanNotebooks.IO;

namespace GanNotebooks.Data.Mat;

/// <summary>
/// Reads numeric arrays from MATLAB v5 .mat files (the format of SVHN's <c>train_32x32.mat</c>): the 128-byte
/// header, plain and zlib-compressed data elements (their Adler-32 checksum verified), the small-element form, and
/// values stored in a narrower type than their class. Everything is validated before it is allocated: the header, each element's length against
/// what is left of the file, dimensions against the data length and against <see cref="MaxElements"/>. A damaged
/// or truncated file raises <see cref="DataFileException"/> naming the file; nothing is half-loaded. Only
/// little-endian files and numeric (non-complex, non-sparse) arrays are read; other variables are skipped.
/// Introduced in notebook 04-dcgan.
/// </summary>
public sealed class MatV5Reader
{
    private const int MiInt8 = 1, MiUint8 = 2, MiInt16 = 3, MiUint16 = 4, MiInt32 = 5, MiUint32 = 6, MiSingle = 7, MiDouble = 9,
        MiInt64 = 12, MiUint64 = 13, MiMatrix = 14, MiCompressed = 15;

    private static readonly Dictionary<int, string> NumericClasses = new()
    {
        [6] = "double", [7] = "single", [8] = "int8", [9] = "uint8", [10] = "int16", [11] = "uint16",
        [12] = "int32", [13] = "uint32", [14] = "int64", [15] = "uint64",
    };

    private readonly string path;

    /// <summary>A reader for <paramref name="path"/>.</summary>
    public MatV5Reader(string path) => this.path = path;

    /// <summary>The largest array, in elements, this reader accepts (SVHN's training images have 225 million). Default 300,000,000.</summary>
    public long MaxElements { get; init; } = 300_000_000;

    /// <summary>
    /// Reads the arrays named in <paramref name="names"/> (all numeric arrays when null) and returns them by name.
    /// </summary>
    public IReadOnlyDictionary<string, MatArray> Read(IReadOnlySet<string>? names = null)
    {
        if (PathCheck.FileProblem(path) is { } problem) throw new DataFileException(path, $"{problem}. Put the .mat file itself there.");
        try
        {
            return ReadArrays(names);
        }
        catch (EndOfStreamException e)
        {
            throw Damaged(e.Message);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException and not DataFileException)
        {
            throw new DataFileException(path, $"{PathCheck.DescribeFailure(path, e)}.", e);
        }
    }

    private Dictionary<string, MatArray> ReadArrays(IReadOnlySet<string>? names)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        ReadHeader(file);
        var arrays = new Dictionary<string, MatArray>(StringComparer.Ordinal);
        while (file.Position < file.Length)
        {
            long offset = file.Position;
            if (file.Length - offset < 8) throw Damaged($"{file.Length - offset} stray bytes at the end (offset {offset}).");
            var (type, size, small) = ReadTag(file);
            if (small) { file.Position = offset + 8; continue; }
            if (size > file.Length - file.Position)
                throw Damaged($"truncated: the element at offset {offset} needs {size:N0} bytes, only {file.Length - file.Position:N0} remain.");
            long end = file.Position + size;
            MatArray? array = null;
            if (type == MiMatrix)
                array = ReadMatrix(new Budget(file, size), names);
            else if (type == MiCompressed)
                array = ReadCompressed(new Budget(file, size), names, offset);
            if (array is not null) arrays[array.Name] = array;
            file.Position = type == MiCompressed ? end : Pad8(end);
        }
        return arrays;
    }

    private void ReadHeader(Stream stream)
    {
        var header = new byte[128];
        if (stream.ReadAtLeast(header, 128, throwOnEndOfStream: false) < 128)
            throw Damaged("shorter than the 128-byte header of a MATLAB v5 file.");
        var text = Encoding.ASCII.GetString(header, 0, 116);
        if (!text.StartsWith("MATLAB 5.0 MAT-file", StringComparison.Ordinal))
            throw Damaged("not a MATLAB v5 .mat file (its header does not start with \"MATLAB 5.0 MAT-file\"; v7.3 files are HDF5 and not supported).");
        if (header[126] == (byte)'M' && header[127] == (byte)'I')
            throw Damaged("a big-endian .mat file; only little-endian files are supported.");
        if (header[126] != (byte)'I' || header[127] != (byte)'M' || BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(124)) != 0x0100)
            throw Damaged("unknown .mat version or byte-order mark (expected version 0x0100 and \"IM\").");
    }

    private MatArray? ReadCompressed(Budget compressed, IReadOnlySet<string>? names, long offset)
    {
        try
        {
            using var inflating = new ZLibStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            var (type, size, small) = ReadTag(inflating, $"the compressed element at offset {offset}");
            if (small || type != MiMatrix) return null;
            if (size > MaxElements * 8 + 4096) throw Damaged($"the compressed element at offset {offset} claims {size:N0} bytes, more than this reader accepts.");
            var matrix = new Budget(inflating, size);
            var array = ReadMatrix(matrix, names);
            if (array is not null) ReadToTheChecksum(inflating, matrix, offset);
            return array;
        }
        catch (InvalidDataException e)
        {
            throw Damaged($"the compressed element at offset {offset} is corrupt ({e.Message}).");
        }
    }

    // Damaged compressed data can still inflate, to other values: the stream must end right after the array (and its
    // padding), and reading it to its end makes zlib check its Adler-32 checksum. Without this, such damage goes unnoticed.
    private void ReadToTheChecksum(Stream inflating, Budget matrix, long offset)
    {
        var rest = new byte[4096];
        while (matrix.Remaining > 0)
            if (matrix.Read(rest, 0, (int)Math.Min(rest.Length, matrix.Remaining)) == 0)
                throw Damaged($"truncated: the compressed element at offset {offset} ends inside its array.");
        if (inflating.Read(rest, 0, 1) > 0)
            throw Damaged($"the compressed element at offset {offset} holds more than its array.");
    }

    private MatArray? ReadMatrix(Budget matrix, IReadOnlySet<string>? names)
    {
        var flags = ReadElement(matrix, "array flags");
        if (flags.Length < 8) throw Damaged("an array's flags are too short.");
        int classId = flags[0];
        bool complex = (flags[1] & 0x08) != 0;
        var dimsBytes = ReadElement(matrix, "dimensions");
        if (dimsBytes.Length < 8 || dimsBytes.Length % 4 != 0) throw Damaged("an array's dimensions are malformed.");
        var dims = Enumerable.Range(0, dimsBytes.Length / 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(dimsBytes.AsSpan(i * 4))).ToArray();
        var name = Encoding.ASCII.GetString(ReadElement(matrix, "array name"));
        if (!NumericClasses.TryGetValue(classId, out var className) || complex || (names is not null && !names.Contains(name)))
            return null;
        if (dims.Any(d => d < 0)) throw Damaged($"array '{name}' has a negative dimension ({string.Join("×", dims)}).");
        long count = dims.Aggregate(1L, (a, d) => a * d);
        if (count > MaxElements) throw Damaged($"array '{name}' has {count:N0} elements ({string.Join("×", dims)}), more than the {MaxElements:N0} this reader accepts.");
        var (storage, bytes, small) = ReadTag(matrix, $"the values of '{name}'");
        int width = StorageWidth(storage) ?? throw Damaged($"array '{name}' stores its values in unknown type {storage}.");
        if (bytes != count * width || (small && count * width > 4))
            throw Damaged($"array '{name}' is {string.Join("×", dims)} = {count:N0} values of {width} bytes, but its data holds {bytes:N0} bytes.");
        if (!small && bytes > matrix.Remaining)
            throw Damaged($"truncated: the values of '{name}' need {bytes:N0} bytes, the array has {matrix.Remaining:N0} left.");
        var data = new byte[small ? 4 : bytes];
        matrix.ReadExactlyOrFail(data, $"the values of '{name}'");
        if (small) data = data[..(int)bytes];
        return className == "uint8" && storage == MiUint8
            ? new MatArray(name, dims, className, data, null)
            : new MatArray(name, dims, className, null, ToDoubles(data, storage, count));
    }

    private byte[] ReadElement(Budget matrix, string what)
    {
        var (_, size, small) = ReadTag(matrix, $"the {what}");
        if (small)
        {
            if (size > 4) throw Damaged($"the {what} claim {size} bytes in a 4-byte small element.");
            var packed = new byte[4];
            matrix.ReadExactlyOrFail(packed, $"the {what}");
            return packed[..(int)size];
        }
        if (size > matrix.Remaining) throw Damaged($"the {what} run past the end of their array.");
        var data = new byte[size];
        matrix.ReadExactlyOrFail(data, $"the {what}");
        matrix.Skip((int)(Pad8(size) - size));
        return data;
    }

    private (int Type, long Size, bool Small) ReadTag(Stream stream, string? what = null)
    {
        var tag = new byte[8];
        if (stream.ReadAtLeast(tag.AsSpan(0, 4), 4, throwOnEndOfStream: false) < 4)
            throw Damaged($"truncated inside {what ?? "a data element"}'s header.");
        uint first = BinaryPrimitives.ReadUInt32LittleEndian(tag);
        if ((first >> 16) != 0)   // small element: size and type in 4 bytes, data in the next 4
            return ((int)(first & 0xFFFF), first >> 16, true);
        if (stream.ReadAtLeast(tag.AsSpan(4, 4), 4, throwOnEndOfStream: false) < 4)
            throw Damaged($"truncated inside {what ?? "a data element"}'s header.");
        return ((int)first, BinaryPrimitives.ReadUInt32LittleEndian(tag.AsSpan(4)), false);
    }

    private static int? StorageWidth(int type) => type switch
    {
        MiInt8 or MiUint8 => 1,
        MiInt16 or MiUint16 => 2,
        MiInt32 or MiUint32 or MiSingle => 4,
        MiDouble or MiInt64 or MiUint64 => 8,
        _ => null,
    };

    private static double[] ToDoubles(byte[] data, int storage, long count)
    {
        var values = new double[count];
        var span = data.AsSpan();
        for (long i = 0; i < count; i++)
        {
            int at = (int)i;
            values[i] = storage switch
            {
                MiInt8 => (sbyte)span[at],
                MiUint8 => span[at],
                MiInt16 => BinaryPrimitives.ReadInt16LittleEndian(span[(at * 2)..]),
                MiUint16 => BinaryPrimitives.ReadUInt16LittleEndian(span[(at * 2)..]),
                MiInt32 => BinaryPrimitives.ReadInt32LittleEndian(span[(at * 4)..]),
                MiUint32 => BinaryPrimitives.ReadUInt32LittleEndian(span[(at * 4)..]),
                MiSingle => BinaryPrimitives.ReadSingleLittleEndian(span[(at * 4)..]),
                MiDouble => BinaryPrimitives.ReadDoubleLittleEndian(span[(at * 8)..]),
                MiInt64 => BinaryPrimitives.ReadInt64LittleEndian(span[(at * 8)..]),
                _ => BinaryPrimitives.ReadUInt64LittleEndian(span[(at * 8)..]),
            };
        }
        return values;
    }

    private static long Pad8(long position) => (position + 7) & ~7L;

    /// <summary>A stream that yields at most a given number of bytes of an inner stream: one element's contents.</summary>
    private sealed class Budget(Stream inner, long length) : Stream
    {
        public long Remaining { get; private set; } = length;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, (int)Math.Min(count, Remaining));
            Remaining -= n;
            return n;
        }

        public void ReadExactlyOrFail(byte[] buffer, string what)
        {
            if (this.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
                throw new EndOfStreamException($"truncated: {what} end early.");
        }

        public void Skip(int count)
        {
            if (count > 0) ReadExactlyOrFail(new byte[count], "padding");
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private DataFileException Damaged(string what) => new(path, $"{path}: {what} Fetch the file again (./gan data fetch svhn) or check that it is the right file.");
}
