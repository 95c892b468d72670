using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// The kit's checkpoint container, one file: the magic bytes <c>GANCKPT</c> and a zero, the format version (int32),
/// the header length (int32) and the header as UTF-8 JSON (<see cref="CheckpointHeader"/>), the payload length
/// (int64) and the payload (the sections the header lists), then a SHA-256 of everything before it and the end
/// marker <c>GANCKEND</c>. All integers little-endian. A reader checks magic, version, lengths against the file's
/// size, the checksum and the end marker before it trusts a byte. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class CheckpointFile
{
    /// <summary>The format version this kit writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The file name extension of checkpoints.</summary>
    public const string Extension = ".ganckpt";

    private static readonly byte[] Magic = "GANCKPT\0"u8.ToArray();
    private static readonly byte[] EndMarker = "GANCKEND"u8.ToArray();
    private const int MaxHeaderBytes = 64 << 20;

    /// <summary>JSON settings of the header (enums by name).</summary>
    internal static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Writes <paramref name="header"/> and <paramref name="payload"/> to <paramref name="stream"/>; returns the bytes written.</summary>
    public static long Write(Stream stream, CheckpointHeader header, ReadOnlySpan<byte> payload)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        void Put(ReadOnlySpan<byte> bytes) { hash.AppendData(bytes); stream.Write(bytes); }

        Put(Magic);
        BinaryPrimitives.WriteInt32LittleEndian(number, FormatVersion);
        Put(number[..4]);
        BinaryPrimitives.WriteInt32LittleEndian(number, json.Length);
        Put(number[..4]);
        Put(json);
        BinaryPrimitives.WriteInt64LittleEndian(number, payload.Length);
        Put(number);
        Put(payload);
        stream.Write(hash.GetHashAndReset());
        stream.Write(EndMarker);
        return Magic.Length + 8 + json.Length + 8 + payload.Length + 32 + EndMarker.Length;
    }

    /// <summary>
    /// Reads and checks the whole file at <paramref name="path"/>: the header and the payload, or a
    /// <see cref="CheckpointException"/> naming the file and what is wrong with it.
    /// </summary>
    public static (CheckpointHeader Header, byte[] Payload) Read(string path)
    {
        // A named pipe, a directory or a broken link is named, never opened (a pipe would block the reader).
        if (GanNotebooks.IO.PathCheck.FileProblem(path) is { } problem)
            throw new CheckpointException(path, $"Cannot read checkpoint: {problem}.");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(path, $"Cannot read checkpoint {path}: {e.Message}", e);
        }
        return Parse(path, bytes);
    }

    /// <summary>Only the header of the file at <paramref name="path"/>, after the same checks as <see cref="Read"/>.</summary>
    public static CheckpointHeader ReadHeader(string path) => Read(path).Header;

    /// <summary>
    /// The header of the file at <paramref name="path"/> read without the payload and without the checksum (cheap, for
    /// ordering a folder's files), or null when the file is not a checkpoint or its header cannot be read. Not proof
    /// that the file is whole: <see cref="Read"/> checks that.
    /// </summary>
    internal static CheckpointHeader? PeekHeader(string path)
    {
        try
        {
            if (GanNotebooks.IO.PathCheck.FileProblem(path) is not null) return null;   // never open a pipe or a device
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096);
            Span<byte> start = stackalloc byte[16];
            stream.ReadExactly(start);
            if (!start[..Magic.Length].SequenceEqual(Magic) || BinaryPrimitives.ReadInt32LittleEndian(start[8..]) != FormatVersion) return null;
            int headerLength = BinaryPrimitives.ReadInt32LittleEndian(start[12..]);
            if (headerLength <= 0 || headerLength > MaxHeaderBytes || 16L + headerLength + 8 > stream.Length) return null;
            var json = new byte[headerLength];
            stream.ReadExactly(json);
            var header = JsonSerializer.Deserialize<CheckpointHeader>(json, Json);
            return header?.MissingPart() is null ? header : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static (CheckpointHeader, byte[]) Parse(string path, byte[] bytes)
    {
        Exception Damaged(string what) => new CheckpointException(path,
            $"Checkpoint {path} is damaged: {what}. Delete it and resume from an earlier checkpoint.");
        const int fixedBytes = 8 + 4 + 4 + 8 + 32 + 8;
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new CheckpointException(path, $"{path} is not a GanNotebooks checkpoint (it does not start with the checkpoint marker).");
        if (bytes.Length < fixedBytes)
            throw Damaged($"the file is {bytes.Length} bytes, shorter than any checkpoint (truncated)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion)
            throw new CheckpointException(path, $"Checkpoint {path} has format version {version}; this kit reads version {FormatVersion}. Load it with the kit version that wrote it.");
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (headerLength <= 0 || headerLength > MaxHeaderBytes || 16L + headerLength + 8 > bytes.Length)
            throw Damaged($"its header length field says {headerLength} bytes, which does not fit in the {bytes.Length}-byte file");
        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16 + headerLength));
        long expected = fixedBytes + headerLength + payloadLength;
        if (payloadLength < 0 || expected != bytes.Length)
            throw Damaged($"the file is {bytes.Length:N0} bytes but its lengths say {expected:N0} (truncated or extended)");
        int hashAt = (int)(bytes.Length - 40);
        if (!bytes.AsSpan(bytes.Length - 8).SequenceEqual(EndMarker))
            throw Damaged("the end marker is missing");
        if (!SHA256.HashData(bytes.AsSpan(0, hashAt)).AsSpan().SequenceEqual(bytes.AsSpan(hashAt, 32)))
            throw Damaged("its SHA-256 checksum does not match its contents");

        CheckpointHeader header;
        try
        {
            header = JsonSerializer.Deserialize<CheckpointHeader>(bytes.AsSpan(16, headerLength), Json)
                ?? throw new JsonException("the header is null");
        }
        catch (JsonException e)
        {
            throw Damaged($"its header cannot be read ({e.Message})");
        }
        if (header.MissingPart() is { } missing)
            throw Damaged($"its header has no '{missing}' section (null or missing)");
        var payload = bytes.AsSpan(16 + headerLength + 8, (int)payloadLength).ToArray();
        foreach (var section in header.Sections)
            if (section.Offset < 0 || section.Length < 0 || section.Offset + section.Length > payload.Length)
                throw Damaged($"its section '{section.Name}' lies outside the payload");
        return (header, payload);
    }
}
