using System.Runtime.InteropServices;

namespace GanNotebooks.IO;

/// <summary>
/// Tells what a path names without opening it or following a link (lstat), so that a reader can refuse a named pipe
/// (which would block), a device or a link before it opens anything. Introduced for <c>gan grade</c> (notebooks/README.md).
/// </summary>
public static partial class FileKinds
{
    private const int TypeMask = 0xF000;

    /// <summary>The kind of <paramref name="path"/>; the path's last part is not followed if it is a link.</summary>
    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return File.Exists(path) ? FileKind.RegularFile : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        if (LStat(path, out var status) != 0) return FileKind.Missing;
        return (status.Mode & TypeMask) switch
        {
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.NamedPipe,
            _ => FileKind.SpecialFile,
        };
    }

    /// <summary>How a message names <paramref name="kind"/> ("a symbolic link", "a named pipe", …).</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.RegularFile => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.NamedPipe => "a named pipe",
        _ => "a device or another special file",
    };

    [StructLayout(LayoutKind.Sequential)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime, ATimeNsec, MTime, MTimeNsec, CTime, CTimeNsec, BirthTime, BirthTimeNsec, Dev, RDev, Ino;
        public uint UserFlags;
    }

    // .NET's own native shim (libSystem.Native), whose FileStatus is the same on every Unix and architecture.
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, out FileStatus status);
}
