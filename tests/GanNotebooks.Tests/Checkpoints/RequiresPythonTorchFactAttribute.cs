using System.Diagnostics;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>A fact that is skipped, with the install command, unless Debian's python3 can import torch.</summary>
public sealed class RequiresPythonTorchFactAttribute : FactAttribute
{
    /// <summary>Debian's Python, where the python3-torch package installs torch.</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(Python)) return false;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Python, "-c \"import torch\"")
                { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() });
            if (process is null) return false;
            process.WaitForExit(60_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public RequiresPythonTorchFactAttribute()
    {
        if (!Available.Value) Skip = $"{Python} cannot import torch; install it with: sudo apt-get install python3-torch";
    }
}
