using System.Globalization;
using System.Runtime.InteropServices;

namespace GanNotebooks.Hardware;

/// <summary>
/// Which code path the MKL inside libtorch (<c>libtorch_cpu.so</c>) takes for its matrix products. MKL asks
/// <c>mkl_serv_cpu_detect</c> and <c>mkl_serv_intel_cpu_true</c>, through the library's procedure linkage table, which
/// processor it runs on; on a processor that is not Intel's it answers with a generic path even where the processor
/// has AVX-512. <see cref="Force"/> points those two table entries at two instructions of the kit's own that give
/// another answer, so MKL takes its AVX2 or AVX-512 kernels; <see cref="Restore"/> puts the library's own back. MKL asks
/// once, at its first matrix product, and keeps the answer: a switch works only before that. Linux on x86-64 only. Used by <see cref="CpuKernels"/>, which decides by measuring; introduced in notebook 00-setup.
/// </summary>
internal static partial class MklCodePath
{
    /// <summary>MKL's processor code for its AVX2 kernels.</summary>
    public const int Avx2 = 5;

    /// <summary>MKL's processor code for its AVX-512 kernels.</summary>
    public const int Avx512 = 7;

    private const string Library = "/libtorch_cpu.so";
    private static readonly string[] Symbols = ["mkl_serv_cpu_detect", "mkl_serv_intel_cpu_true"];
    private static readonly List<(nint Slot, nint Original)> Patched = [];
    private static nint _stubs;

    /// <summary>Makes MKL take the kernels of processor code <paramref name="code"/>; null on success, else why not.</summary>
    public static string? Force(int code)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return "only on Linux for x86-64";
        var (path, start) = LoadedLibrary();
        if (path is null) return "libtorch_cpu.so is not loaded in this process";
        var slots = new List<nint>();
        foreach (var symbol in Symbols)
        {
            (long Slot, long Definition)? offset;
            try
            {
                offset = PltSlot.Find(path, symbol);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return $"{path} could not be read ({e.Message})";
            }
            if (offset is null) return $"{path} does not call {symbol} through its linkage table";
            var slot = (nint)(start + offset.Value.Slot);
            if (!IsWritable(slot)) return $"{symbol}'s entry in {path}'s linkage table is read-only";
            // An entry that already holds the function's address was called: MKL has chosen its kernels for this process.
            if (Patched.Count == 0 && offset.Value.Definition != 0 && Marshal.ReadIntPtr(slot) == (nint)(start + offset.Value.Definition))
                return "MKL had already chosen its kernels in this process (the choice must come before the first matrix product)";
            slots.Add(slot);
        }
        Restore();
        var stubs = Stubs(code);
        if (stubs == 0) return "no executable memory for the kit's stubs";
        for (int i = 0; i < slots.Count; i++)
        {
            Patched.Add((slots[i], Marshal.ReadIntPtr(slots[i])));
            Marshal.WriteIntPtr(slots[i], stubs + i * 16);
        }
        return null;
    }

    /// <summary>Gives MKL back its own processor detection.</summary>
    public static void Restore()
    {
        foreach (var (slot, original) in Patched) Marshal.WriteIntPtr(slot, original);
        Patched.Clear();
    }

    // Two functions of one instruction each, 16 bytes apart: "mov eax, code; ret" and "mov eax, 1; ret".
    private static nint Stubs(int code)
    {
        if (_stubs != 0) Unmap(_stubs, 4096);
        var page = Map(0, 4096, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (page == -1) return _stubs = 0;
        byte[] Return(int value) => [0xB8, .. BitConverter.GetBytes(value), 0xC3];
        Marshal.Copy(Return(code), 0, page, 6);
        Marshal.Copy(Return(1), 0, page + 16, 6);
        if (Protect(page, 4096, ProtRead | ProtExec) != 0)
        {
            Unmap(page, 4096);
            return _stubs = 0;
        }
        return _stubs = page;
    }

    private static (string? Path, long Start) LoadedLibrary()
    {
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 6 && parts[5].EndsWith(Library, StringComparison.Ordinal) && Convert.ToInt64(parts[2], 16) == 0)
                return (parts[5].Trim(), long.Parse(parts[0].Split('-')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        return (null, 0);
    }

    private static bool IsWritable(nint address)
    {
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var parts = line.Split(' ', 3);
            var range = parts[0].Split('-');
            long from = long.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            long to = long.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (address >= from && address + 8 <= to) return parts[1].Length > 1 && parts[1][1] == 'w';
        }
        return false;
    }

    private const int ProtRead = 1, ProtWrite = 2, ProtExec = 4, MapPrivate = 0x02, MapAnonymous = 0x20;

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial nint Map(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "mprotect")]
    private static partial int Protect(nint address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Unmap(nint address, nuint length);
}
