using System.Buffers.Binary;
using System.Text;

namespace GanNotebooks.Data.Archives;

/// <summary>
/// Checks that every entry's name in a zip archive's central directory matches the copy in the entry's local header.
/// The name is the one part of an entry that neither its CRC-32 nor its sizes protect, and the zip reader takes it
/// from the central directory alone: a damaged byte there would extract a file under another name. Walks the
/// directory itself (the reader does not expose where local headers are), ZIP64 archives included (more than 65,535
/// entries, or offsets past 4 GB). Introduced in notebook 04-dcgan.
/// </summary>
internal static class ZipEntryNames
{
    private const uint EndOfDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndOfDirectorySignature = 0x06064b50;
    private const uint DirectoryEntrySignature = 0x02014b50;
    private const uint LocalHeaderSignature = 0x04034b50;
    private const int EndOfDirectorySize = 22;
    private const int DirectoryEntrySize = 46;
    private const int LocalHeaderSize = 30;

    /// <summary>
    /// Throws <see cref="InvalidDataException"/> naming the first entry whose two names differ, or saying why the
    /// directory cannot be walked; <paramref name="entryCount"/> is the number of entries the zip reader found.
    /// </summary>
    public static void Check(Stream file, int entryCount)
    {
        try
        {
            var (count, offset) = FindDirectory(file);
            if (count != entryCount)
                throw new InvalidDataException($"its directory holds {count:N0} entries, the zip reader found {entryCount:N0}");
            for (long i = 0; i < count; i++) offset = CheckEntry(file, offset, i + 1);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"its directory runs past the end of the file ({e.Message})", e);
        }
    }

    // (entry count, offset of the first directory entry), from the end-of-directory record (or its ZIP64 form).
    private static (long Count, long Offset) FindDirectory(Stream file)
    {
        long length = file.Length;
        int tail = (int)Math.Min(length, EndOfDirectorySize + ushort.MaxValue);
        var bytes = Read(file, length - tail, tail);
        int at = tail - EndOfDirectorySize;
        while (at >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) != EndOfDirectorySignature) at--;
        if (at < 0) throw new InvalidDataException("it has no end-of-directory record");
        long count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 10));
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 16));
        if (count == ushort.MaxValue || offset == uint.MaxValue)
        {
            long record = length - tail + at;
            var locator = Read(file, record - 20, 20);
            if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
                throw new InvalidDataException("its ZIP64 end-of-directory locator is missing");
            var zip64 = Read(file, Checked(BinaryPrimitives.ReadInt64LittleEndian(locator.AsSpan(8)), 56, length), 56);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64EndOfDirectorySignature)
                throw new InvalidDataException("its ZIP64 end-of-directory record is missing");
            count = BinaryPrimitives.ReadInt64LittleEndian(zip64.AsSpan(32));
            offset = BinaryPrimitives.ReadInt64LittleEndian(zip64.AsSpan(48));
        }
        if (count < 0 || count > length / DirectoryEntrySize)
            throw new InvalidDataException($"its directory claims {count:N0} entries, more than the file can hold");
        return (count, offset);
    }

    // Compares one directory entry's name with its local header's; returns where the next directory entry starts.
    private static long CheckEntry(Stream file, long at, long number)
    {
        var entry = Read(file, Checked(at, DirectoryEntrySize, file.Length), DirectoryEntrySize);
        if (BinaryPrimitives.ReadUInt32LittleEndian(entry) != DirectoryEntrySignature)
            throw new InvalidDataException($"its directory entry {number:N0} is damaged (no entry signature)");
        bool bigCompressed = BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(20)) == uint.MaxValue;
        bool bigSize = BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(24)) == uint.MaxValue;
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry.AsSpan(28));
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(entry.AsSpan(30));
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(entry.AsSpan(32));
        long local = BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(42));
        var nameAndExtra = Read(file, at + DirectoryEntrySize, nameLength + extraLength);
        var name = nameAndExtra.AsSpan(0, nameLength);
        if (local == uint.MaxValue) local = Zip64LocalOffset(nameAndExtra.AsSpan(nameLength), bigSize, bigCompressed, number);

        var header = Read(file, Checked(local, LocalHeaderSize, file.Length), LocalHeaderSize);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature)
            throw new InvalidDataException($"entry '{Shown(name)}' has no local header where the directory says");
        var localName = Read(file, local + LocalHeaderSize, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)));
        if (!name.SequenceEqual(localName))
            throw new InvalidDataException($"entry '{Shown(name)}' is called '{Shown(localName)}' in its local header");
        return at + DirectoryEntrySize + nameLength + extraLength + commentLength;
    }

    // The local header's offset from the ZIP64 extra field (id 1: the sizes that overflowed, then the offset).
    private static long Zip64LocalOffset(ReadOnlySpan<byte> extra, bool bigSize, bool bigCompressed, long number)
    {
        while (extra.Length >= 4)
        {
            int id = BinaryPrimitives.ReadUInt16LittleEndian(extra), size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (size > extra.Length - 4) break;
            if (id == 1)
            {
                int at = (bigSize ? 8 : 0) + (bigCompressed ? 8 : 0);
                if (at + 8 > size) break;
                return BinaryPrimitives.ReadInt64LittleEndian(extra[(4 + at)..]);
            }
            extra = extra[(4 + size)..];
        }
        throw new InvalidDataException($"its directory entry {number:N0} lacks the ZIP64 offset of its local header");
    }

    private static long Checked(long offset, int size, long length) =>
        offset >= 0 && offset <= length - size ? offset : throw new InvalidDataException($"it points to offset {offset:N0}, outside the {length:N0}-byte file");

    private static byte[] Read(Stream file, long offset, int count)
    {
        if (offset < 0) throw new InvalidDataException($"it points to offset {offset:N0}, before the start of the file");
        file.Position = offset;
        var bytes = new byte[count];
        file.ReadExactly(bytes);
        return bytes;
    }

    private static string Shown(ReadOnlySpan<byte> name) => Encoding.UTF8.GetString(name);
}
