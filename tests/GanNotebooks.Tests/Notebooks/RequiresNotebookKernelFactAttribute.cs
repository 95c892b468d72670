using System.Diagnostics;
using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Tests.Notebooks;

/// <summary>
/// A fact that executes real notebooks through the .NET Interactive kernel; skipped, with the fix, when Debian's
/// Python lacks nbclient (the runner's executor needs it).
/// </summary>
public sealed class RequiresNotebookKernelFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> HasNbclient = new(() =>
    {
        var python = new RunnerOptions { RepoRoot = "." }.PythonCommand;
        if (!File.Exists(python)) return false;
        using var process = Process.Start(new ProcessStartInfo(python, "-c \"import nbclient, nbformat\"") { RedirectStandardError = true })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    });

    public RequiresNotebookKernelFactAttribute()
    {
        if (!HasNbclient.Value)
            Skip = "Python's nbclient is missing; install the runner's packages with: environment/setup.sh";
    }
}
