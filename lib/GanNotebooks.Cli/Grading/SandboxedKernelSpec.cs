using System.Text.Json;
using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// The kernel spec of a graded run when bubblewrap (<c>bwrap</c>) is installed: the kit's C# kernel
/// (<see cref="KernelSpec"/>) started inside a sandbox that sees the whole file system read-only, an empty
/// <c>/tmp</c>, an empty folder in place of each hidden folder (the instructor's notebooks, the submissions, the
/// gradebook), its own workspace writable, the connection file's folder read-only, and the built library and the data sets
/// read-only even when the kit itself lies under <c>/tmp</c>. It runs in its own process
/// namespace (it can neither see nor signal the grader) without capabilities. The network stays shared: the kernel
/// talks to the executor over local ports.
/// </summary>
public static class SandboxedKernelSpec
{
    /// <summary>Where bubblewrap is installed, or null.</summary>
    public static string? BubblewrapPath { get; } = FindBubblewrap();

    /// <summary>Writes the spec under <c>&lt;jupyterPath&gt;/kernels/.net-csharp/kernel.json</c>.</summary>
    /// <param name="jupyterPath">A folder only this run uses.</param>
    /// <param name="workspace">The run's workspace; its <c>work/</c> is the only writable folder.</param>
    /// <param name="hiddenFolders">Folders the kernel must not see (each replaced by an empty one).</param>
    /// <param name="readOnlyFolders">
    /// Folders the kernel must read even when they lie under <c>/tmp</c>, which the sandbox empties: the built library
    /// and the data sets of a kit that was cloned into a temporary folder.
    /// </param>
    public static void Write(string jupyterPath, GradingWorkspace workspace, IEnumerable<string> hiddenFolders, IEnumerable<string> readOnlyFolders)
    {
        var bwrap = BubblewrapPath ?? throw new InvalidOperationException("bubblewrap (bwrap) is not installed.");
        var argv = new List<string>
        {
            bwrap, "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--cap-drop", "ALL",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
        };
        var shown = readOnlyFolders.Select(Path.GetFullPath).Distinct().Where(f => Directory.Exists(f) && IsUnder(f, "/tmp")).ToList();
        foreach (var folder in shown)
            argv.AddRange(["--ro-bind", folder, folder]);   // bound again after /tmp was emptied
        argv.AddRange(["--bind", workspace.Work, workspace.Work, "--ro-bind", workspace.Runtime, workspace.Runtime]);
        foreach (var folder in hiddenFolders.Select(Path.GetFullPath).Distinct().Where(Directory.Exists))
            if ((!IsUnder(folder, "/tmp") || shown.Any(f => IsUnder(folder, f))) && !IsUnder(workspace.Work, folder))
                argv.AddRange(["--tmpfs", folder]);
        argv.AddRange(["--setenv", "TMPDIR", "/tmp", "--chdir", Path.GetDirectoryName(workspace.NotebookPath)!, "--"]);
        argv.AddRange(KernelSpec.Argv);
        var folderPath = Path.Combine(jupyterPath, "kernels", KernelSpec.Name);
        Directory.CreateDirectory(folderPath);
        var spec = new Dictionary<string, object> { ["argv"] = argv, ["display_name"] = ".NET (C#), sandboxed for grading", ["language"] = "C#" };
        File.WriteAllBytes(Path.Combine(folderPath, "kernel.json"), JsonSerializer.SerializeToUtf8Bytes(spec));
    }

    private static bool IsUnder(string path, string folder)
    {
        var full = Path.GetFullPath(path).TrimEnd('/') + "/";
        return full.StartsWith(Path.GetFullPath(folder).TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    private static string? FindBubblewrap() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "bwrap")).FirstOrDefault(File.Exists);
}
