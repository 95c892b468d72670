using System.Text;

namespace GanNotebooks.Hardware;

/// <summary>
/// Finds where a shared library keeps the address of a function it calls through its procedure linkage table: the
/// offset of the <c>R_X86_64_JUMP_SLOT</c> relocation for that symbol in <c>.rela.plt</c>, read from the ELF file.
/// Used by <see cref="MklCodePath"/>; introduced in notebook 00-setup.
/// </summary>
internal static class PltSlot
{
    private const uint RelocationSection = 4, JumpSlot = 7;

    /// <summary>
    /// The slot's offset from the library's load address and the symbol's own offset in it (0 when the library does
    /// not define it), or null when the library has no such slot.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a 64-bit little-endian ELF file.</exception>
    public static (long Slot, long Definition)? Find(string library, string symbol)
    {
        using var file = File.OpenRead(library);
        var reader = new BinaryReader(file);
        var magic = reader.ReadBytes(6);
        if (magic.Length < 6 || magic[0] != 0x7F || magic[1] != (byte)'E' || magic[2] != (byte)'L' || magic[3] != (byte)'F' || magic[4] != 2 || magic[5] != 1)
            throw new InvalidDataException($"{library} is not a 64-bit little-endian ELF file.");
        file.Position = 0x28;
        long sectionTable = reader.ReadInt64();
        file.Position = 0x3A;
        int entrySize = reader.ReadUInt16(), count = reader.ReadUInt16(), namesIndex = reader.ReadUInt16();
        var sections = new (uint Name, uint Type, long Offset, long Size, uint Link)[count];
        for (int i = 0; i < count; i++)
        {
            file.Position = sectionTable + (long)i * entrySize;
            uint name = reader.ReadUInt32(), type = reader.ReadUInt32();
            file.Position += 16;   // flags, address
            long offset = reader.ReadInt64(), size = reader.ReadInt64();
            sections[i] = (name, type, offset, size, reader.ReadUInt32());
        }
        byte[] Read((uint, uint, long Offset, long Size, uint) section)
        {
            file.Position = section.Offset;
            return reader.ReadBytes(checked((int)section.Size));
        }
        var names = Read(sections[namesIndex]);
        foreach (var section in sections)
        {
            if (section.Type != RelocationSection || Text(names, section.Name) != ".rela.plt") continue;
            var symbols = Read(sections[section.Link]);
            var strings = Read(sections[sections[section.Link].Link]);
            var relocations = Read(section);
            for (int at = 0; at + 24 <= relocations.Length; at += 24)
            {
                ulong info = BitConverter.ToUInt64(relocations, at + 8);
                if ((info & 0xFFFFFFFF) != JumpSlot) continue;
                int index = checked((int)(info >> 32));
                if (Text(strings, BitConverter.ToUInt32(symbols, index * 24)) == symbol)
                    return (BitConverter.ToInt64(relocations, at), BitConverter.ToInt64(symbols, index * 24 + 8));
            }
        }
        return null;
    }

    private static string Text(byte[] table, uint at)
    {
        int end = Array.IndexOf(table, (byte)0, (int)at);
        return Encoding.ASCII.GetString(table, (int)at, (end < 0 ? table.Length : end) - (int)at);
    }
}
