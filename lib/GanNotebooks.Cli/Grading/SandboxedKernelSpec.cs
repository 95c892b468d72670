using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// The kernel spec of a graded run when bubblewrap (<c>bwrap</c>) is installed. The kit's kernel launcher
/// (<see cref="KernelSpec"/>) gives the kernel a network namespace with nothing but its own loopback (isolation
/// required: no sandbox, no run), and bubblewrap a file system of its own: the system's programs and libraries
/// (<c>/usr</c>, <c>/etc</c> without the password hashes), the dotnet host and the kernel tool read-only, the
/// submission's workspace writable, the built library and the data sets read-only, an empty <c>/tmp</c>; nothing of the
/// repository (no notebooks, no artefacts, no <c>.git</c>), no other submission, no home folder. It runs in its own
/// process, IPC and host-name namespaces, with an environment of its own, and, when the grader is root, as the
/// unprivileged user <see cref="SandboxUserId"/> with no capabilities. Introduced with <c>gan grade</c> (notebooks/README.md).
/// </summary>
public static class SandboxedKernelSpec
{
    /// <summary>The user and group the kernel runs as when the grader runs as root (nobody/nogroup).</summary>
    public const int SandboxUserId = 65534;

    /// <summary>The submission's workspace inside the sandbox: <c>notebooks/</c> (the working folder), <c>build/notebook/</c> (the library), <c>artifacts/</c>.</summary>
    public const string WorkFolder = "/grade";

    /// <summary>The data sets inside the sandbox (read-only).</summary>
    public const string DataFolder = "/opt/gan/data";

    /// <summary>The dotnet host's folder inside the sandbox (read-only).</summary>
    public const string DotnetFolder = "/opt/gan/dotnet";

    /// <summary>The kernel tool's package folder inside the sandbox (read-only).</summary>
    public const string KernelToolFolder = "/opt/gan/kernel";

    /// <summary>Where bubblewrap is installed, or null.</summary>
    public static string? BubblewrapPath { get; } = FindProgram("bwrap");

    /// <summary>Whether this process runs as root (and so drops the kernel to <see cref="SandboxUserId"/>).</summary>
    public static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Writes the spec under <c>&lt;jupyterPath&gt;/kernels/.net-csharp/kernel.json</c>.</summary>
    /// <param name="jupyterPath">A folder only this run uses.</param>
    /// <param name="workspace">The run's workspace; its <c>work/</c> is the only writable folder.</param>
    /// <param name="repoRoot">The kit's repository (for the kernel tool's version); never shown to the kernel.</param>
    /// <param name="library">The built notebook library, shown read-only at the workspace's <c>build/notebook</c>.</param>
    /// <param name="dataFolder">The data sets, shown read-only at the same path.</param>
    /// <param name="environment">The kernel's whole environment (nothing else of the grader's passes).</param>
    public static void Write(string jupyterPath, GradingWorkspace workspace, string repoRoot, string library, string dataFolder,
        IReadOnlyDictionary<string, string> environment)
    {
        var bwrap = BubblewrapPath ?? throw new InvalidOperationException("bubblewrap (bwrap) is not installed.");
        var kernel = KernelSpec.KernelCommand(repoRoot).ToList();
        var command = new List<string>
        {
            bwrap, "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--hostname", "gan-grade", "--ro-bind", "/usr", "/usr",
        };
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32" })
        {
            var info = new DirectoryInfo(top);
            if (info.LinkTarget is { } target) command.AddRange(["--symlink", target, top]);
            else if (info.Exists) command.AddRange(["--ro-bind", top, top]);
        }
        command.AddRange(["--ro-bind", "/etc", "/etc"]);
        foreach (var secret in new[] { "/etc/shadow", "/etc/gshadow", "/etc/shadow-", "/etc/gshadow-" })
            if (File.Exists(secret)) command.AddRange(["--ro-bind", "/dev/null", secret]);
        // An empty /tmp first (the kit itself may lie under /tmp), then everything at fixed places of the sandbox's own:
        // folders it creates copy the modes of the host's, and a path under /root would not be reachable by the user.
        command.AddRange(["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--perms", "0777", "--dir", "/tmp/home",
            "--perms", "0755", "--dir", "/opt", "--perms", "0755", "--dir", "/opt/gan"]);
        var dotnetRoot = Path.GetDirectoryName(kernel[0]) ?? "/usr";
        var toolFolder = ToolPackageFolder(kernel[1]);
        command.AddRange(["--ro-bind", dotnetRoot, DotnetFolder, "--ro-bind", toolFolder, KernelToolFolder,
            "--ro-bind", Path.GetFullPath(dataFolder), DataFolder,
            "--bind", workspace.Work, WorkFolder, "--ro-bind", Path.GetFullPath(library), WorkFolder + "/build/notebook"]);
        kernel[0] = DotnetFolder + "/" + Path.GetFileName(kernel[0]);
        kernel[1] = KernelToolFolder + "/" + Path.GetRelativePath(toolFolder, kernel[1]);
        command.Add("--clearenv");
        var env = new Dictionary<string, string>(environment)
        {
            [GanNotebooks.IO.KitPaths.DataDirVariable] = DataFolder,
            [GanNotebooks.IO.KitPaths.ArtifactsDirVariable] = WorkFolder + "/artifacts",
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = "/tmp/home",
            ["DOTNET_CLI_HOME"] = "/tmp/home",
            ["TMPDIR"] = "/tmp",
            ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (name, value) in env.OrderBy(e => e.Key, StringComparer.Ordinal))
            command.AddRange(["--setenv", name, value]);
        command.AddRange(["--chdir", WorkFolder + "/notebooks", "--"]);
        if (RunsAsRoot && FindProgram("setpriv") is { } setpriv)
        {
            var id = SandboxUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.AddRange([setpriv, "--reuid", id, "--regid", id, "--clear-groups", "--no-new-privs",
                "--inh-caps=-all", "--bounding-set=-all", "--"]);
        }
        command.AddRange(kernel);
        KernelSpec.WriteSpec(jupyterPath, ".NET (C#), sandboxed for grading", launcher => KernelSpec.Argv(launcher, isolationRequired: true, command));
    }

    /// <summary>The kernel tool's package folder (…/microsoft.dotnet-interactive/&lt;version&gt;) of its entry assembly.</summary>
    private static string ToolPackageFolder(string appAssembly)
    {
        var folder = Path.GetDirectoryName(appAssembly)!;
        for (var probe = folder; probe is not null; probe = Path.GetDirectoryName(probe))
            if (Path.GetFileName(probe) == "tools") return Path.GetDirectoryName(probe)!;
        return folder;
    }

    private static string? FindProgram(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator)
            .Append("/usr/bin").Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
