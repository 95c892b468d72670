using System.Diagnostics;
using System.Net.Sockets;

namespace GanNotebooks.Tests.IO;

/// <summary>Makes the things a user may give where a regular file is expected: named pipes, sockets, links.</summary>
public static class SpecialFiles
{
    /// <summary>A write-only sysfs attribute: opening it for reading is refused even for root.</summary>
    public const string UnreadableEvenForRoot = "/sys/bus/pci/rescan";

    /// <summary>Creates a named pipe (FIFO) at <paramref name="path"/> with mkfifo.</summary>
    public static void MakeNamedPipe(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>Binds a Unix domain socket at <paramref name="path"/>; the socket file stays after the returned socket is disposed.</summary>
    public static Socket MakeSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>Creates two symbolic links at <paramref name="path"/> and beside it that point at each other.</summary>
    public static void MakeLinkLoop(string path)
    {
        var other = path + ".other";
        File.CreateSymbolicLink(path, other);
        File.CreateSymbolicLink(other, path);
    }
}
