using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>
/// A checkpoint file taken apart by the tests, written from the format's description (not with the kit's writer):
/// the header as editable JSON and the payload bytes. <see cref="Write"/> puts them back with correct lengths and a
/// correct checksum, so a test can make files that are whole but say something the kit must refuse.
/// </summary>
public sealed class RawCheckpoint
{
    private RawCheckpoint(JsonObject header, byte[] payload)
    {
        Header = header;
        Payload = payload;
    }

    /// <summary>The header JSON.</summary>
    public JsonObject Header { get; }

    /// <summary>The payload (the sections the header lists).</summary>
    public byte[] Payload { get; }

    public static RawCheckpoint Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var header = JsonNode.Parse(bytes.AsSpan(16, headerLength))!.AsObject();
        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16 + headerLength));
        return new RawCheckpoint(header, bytes.AsSpan(16 + headerLength + 8, (int)payloadLength).ToArray());
    }

    /// <summary>The payload of the section called <paramref name="name"/>, as (offset, length).</summary>
    public (int Offset, int Length) Section(string name)
    {
        var section = Header["Sections"]!.AsArray().Single(s => (string?)s!["Name"] == name)!;
        return ((int)section["Offset"]!, (int)section["Length"]!);
    }

    public void Write(string path)
    {
        var json = System.Text.Encoding.UTF8.GetBytes(Header.ToJsonString());
        var file = new MemoryStream();
        Span<byte> number = stackalloc byte[8];
        file.Write("GANCKPT\0"u8);
        BinaryPrimitives.WriteInt32LittleEndian(number, 1);
        file.Write(number[..4]);
        BinaryPrimitives.WriteInt32LittleEndian(number, json.Length);
        file.Write(number[..4]);
        file.Write(json);
        BinaryPrimitives.WriteInt64LittleEndian(number, Payload.Length);
        file.Write(number);
        file.Write(Payload);
        file.Write(SHA256.HashData(file.ToArray()));
        file.Write("GANCKEND"u8);
        File.WriteAllBytes(path, file.ToArray());
    }
}
