using System.Runtime.InteropServices;

namespace GanNotebooks.IO;

/// <summary>
/// The file type bits of a path on Linux, read with <c>statx</c> (whose buffer has the same layout on every
/// architecture), without opening the file: a named pipe must not be opened to find out what it is.
/// </summary>
internal static partial class LinuxFileType
{
    /// <summary>The type bits of <c>st_mode</c> (<c>S_IFMT</c>) and their values.</summary>
    public const int TypeMask = 0xF000, NamedPipe = 0x1000, CharacterDevice = 0x2000, Directory = 0x4000,
        BlockDevice = 0x6000, RegularFile = 0x8000, SymbolicLink = 0xA000, Socket = 0xC000;

    /// <summary>The <c>errno</c> values the classification tells apart.</summary>
    public const int NoEntry = 2, AccessDenied = 13, NotADirectory = 20, NotImplemented = 38, TooManyLinks = 40;

    private const int CurrentDirectory = -100;
    private const int DoNotFollowLinks = 0x100;
    private const uint WantTypeAndMode = 0x1 | 0x2;
    private const int BufferSize = 256;
    private const int ModeOffset = 28;

    /// <summary>
    /// The <c>S_IFMT</c> bits of <paramref name="path"/> (0 on failure, with the <c>errno</c> in <paramref name="error"/>);
    /// null when <c>statx</c> is not available here (not Linux, an old C library or kernel).
    /// </summary>
    public static int? TypeOf(string path, bool followLinks, out int error)
    {
        error = 0;
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[BufferSize];
        int result;
        try
        {
            result = Statx(CurrentDirectory, path, followLinks ? 0 : DoNotFollowLinks, WantTypeAndMode, buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        if (result == 0) return BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        error = Marshal.GetLastPInvokeError();
        return error == NotImplemented ? null : 0;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
