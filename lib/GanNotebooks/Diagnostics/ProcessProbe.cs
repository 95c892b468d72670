using System.Diagnostics;

namespace GanNotebooks.Diagnostics;

/// <summary>
/// Runs a small command for a doctor check and hands back what it printed, or null when it could not be started,
/// failed or took too long. Also finds commands on <c>PATH</c>. Introduced in notebook 00-setup.
/// </summary>
public static class ProcessProbe
{
    /// <summary>Standard output of <paramref name="fileName"/> <paramref name="arguments"/>, or null on any failure.</summary>
    public static string? Run(string fileName, string arguments, int timeoutMilliseconds = 30_000)
    {
        try
        {
            var info = new ProcessStartInfo(fileName, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info);
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The full path of <paramref name="command"/> on <paramref name="path"/> (default: <c>PATH</c>), or null.</summary>
    public static string? FindOnPath(string command, string? path = null)
    {
        path ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, command);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
