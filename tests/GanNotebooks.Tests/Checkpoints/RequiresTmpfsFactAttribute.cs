using System.Diagnostics;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>A fact that is skipped, saying why, unless this process may mount a small tmpfs (root with mount rights).</summary>
public sealed class RequiresTmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Reason = new(Probe);

    public RequiresTmpfsFactAttribute()
    {
        if (Reason.Value is { } reason) Skip = reason;
    }

    /// <summary>True when this process may mount a tmpfs.</summary>
    public static bool CanMount => Reason.Value is null;

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> at <paramref name="folder"/>; true when it worked.</summary>
    public static bool Mount(string folder, long bytes) => Run("mount", $"-t tmpfs -o size={bytes} tmpfs {folder}");

    /// <summary>Unmounts <paramref name="folder"/>.</summary>
    public static bool Unmount(string folder) => Run("umount", folder);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "a tmpfs needs Linux";
        if (Environment.UserName != "root") return "mounting a tmpfs needs root; the full-disk case is still tested with a size-limited stream";
        var folder = Path.Combine(Path.GetTempPath(), "gan-tmpfs-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            if (!Mount(folder, 1 << 20)) return "this machine does not allow mounting a tmpfs (no mount rights in this container)";
            Unmount(folder);
            return null;
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private static bool Run(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true });
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
