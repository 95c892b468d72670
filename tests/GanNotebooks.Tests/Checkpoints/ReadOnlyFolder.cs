using System.Diagnostics;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>
/// A folder a test can make read-only for real: for root (whom file modes do not stop) a small tmpfs mounted there
/// and remounted read-only; for other users the folder's mode set to r-x. <see cref="WhyNot"/> says when neither
/// works here (root without mount rights, or not Linux).
/// </summary>
public sealed class ReadOnlyFolder : IDisposable
{
    private static readonly bool AsRoot = OperatingSystem.IsLinux() && Environment.UserName == "root";
    private readonly bool mounted;

    /// <summary>Creates <paramref name="path"/> as a writable folder that <see cref="MakeReadOnly"/> can lock.</summary>
    public ReadOnlyFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
        if (AsRoot)
        {
            if (!Run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", path)) throw new InvalidOperationException($"mounting a tmpfs at {path} failed");
            mounted = true;
        }
    }

    /// <summary>Null when read-only folders can be made here, else why not (the reason a test is skipped for).</summary>
    public static string? WhyNot => Reason.Value;

    private static readonly Lazy<string?> Reason = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "read-only folders are made with Linux file modes or a tmpfs";
        if (!AsRoot) return null;
        return RequiresTmpfsFactAttribute.CanMount ? null : "root ignores file modes and this machine does not allow mounting a read-only tmpfs";
    });

    public string Path { get; }

    /// <summary>From now on nothing can be created, changed or deleted in the folder.</summary>
    public void MakeReadOnly()
    {
        bool done = mounted
            ? Run("mount", "-o", "remount,ro", Path)
            : Try(() => SetMode(UnixFileMode.UserRead | UnixFileMode.UserExecute));
        if (!done) throw new InvalidOperationException($"could not make {Path} read-only");
    }

    public void Dispose()
    {
        if (mounted) Run("umount", Path);
        else Try(() => SetMode(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    private void SetMode(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) throw new IOException("Windows has no Unix file modes");
        File.SetUnixFileMode(Path, mode);
    }

    private static bool Try(Action action)
    {
        try { action(); return true; } catch (IOException) { return false; } catch (UnauthorizedAccessException) { return false; }
    }

    private static bool Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return false;
            process.WaitForExit(10_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
