using System.Text.Json;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// The Jupyter kernel spec of the kit's C# kernel, for the runner (<c>build/jupyter</c>) and for the user's Jupyter and
/// VS Code (<c>gan jupyter install</c>). The kernel is .NET Interactive, started by absolute paths (so a notebook in any
/// folder gets a working kernel) through the kit's kernel launcher (<c>kernel_launcher.py</c>, copied into the spec's
/// folder), which gives it a network namespace of its own and relays Jupyter's channels, passing on only messages
/// signed with the connection file's key: neither the kernel's HTTP API nor its Jupyter ports are reachable by other
/// local processes. Introduced in notebook 00-setup; the README's security section says what it protects against.
/// </summary>
public static class KernelSpec
{
    /// <summary>The kernel name notebooks ask for in their metadata.</summary>
    public const string Name = ".net-csharp";

    /// <summary>The launcher's file name, beside gan.dll under Runner/ and in each spec folder.</summary>
    public const string LauncherFileName = "kernel_launcher.py";

    /// <summary>The Python that runs the launcher (Debian's, which has pyzmq with Jupyter).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The kernel's own arguments after its entry assembly: Jupyter mode, HTTP on local interfaces only.</summary>
    public static IReadOnlyList<string> KernelArguments { get; } =
        ["jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-local-only", "--http-port-range", "2048-3000"];

    /// <summary>The launcher as built beside gan.dll.</summary>
    public static string LauncherSource => Path.Combine(AppContext.BaseDirectory, "Runner", LauncherFileName);

    /// <summary>The command that starts the kernel itself: the dotnet host, the kernel's assembly, <see cref="KernelArguments"/>.</summary>
    public static IReadOnlyList<string> KernelCommand(string repoRoot) =>
        [InteractiveTool.DotnetHost(), InteractiveTool.AppAssembly(repoRoot), .. KernelArguments];

    /// <summary>
    /// The spec's argv: the launcher (at <paramref name="launcher"/>) with its isolation mode, then <paramref name="kernelCommand"/>.
    /// </summary>
    public static IReadOnlyList<string> Argv(string launcher, bool isolationRequired, IEnumerable<string> kernelCommand) =>
        [Python, launcher, "--isolation", isolationRequired ? "required" : "best-effort", "{connection_file}", "--", .. kernelCommand];

    /// <summary>Writes the spec under <c>&lt;jupyterPath&gt;/kernels/.net-csharp/kernel.json</c> and returns the file.</summary>
    public static string Write(string jupyterPath) => Write(jupyterPath, KitPaths.RepoRoot);

    /// <summary>Writes the spec for the kernel pinned in <paramref name="repoRoot"/>'s tool manifest.</summary>
    public static string Write(string jupyterPath, string repoRoot) =>
        WriteSpec(jupyterPath, ".NET (C#)", launcher => Argv(launcher, isolationRequired: false, KernelCommand(repoRoot)));

    /// <summary>Writes a spec whose argv <paramref name="argv"/> makes from the launcher's path in the spec folder.</summary>
    public static string WriteSpec(string jupyterPath, string displayName, Func<string, IReadOnlyList<string>> argv)
    {
        var folder = Path.Combine(jupyterPath, "kernels", Name);
        Directory.CreateDirectory(folder);
        var launcher = Path.Combine(folder, LauncherFileName);
        var script = File.ReadAllBytes(LauncherSource);
        if (!File.Exists(launcher) || !File.ReadAllBytes(launcher).AsSpan().SequenceEqual(script))
            AtomicFile.WriteAllBytes(launcher, script);
        var spec = new Dictionary<string, object>
        {
            ["argv"] = argv(launcher),
            ["display_name"] = displayName,
            ["language"] = "C#",
            ["env"] = new Dictionary<string, string> { ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        };
        var file = Path.Combine(folder, "kernel.json");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(spec, new JsonSerializerOptions { WriteIndented = true });
        if (!File.Exists(file) || !File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes))   // an identical spec is left untouched
            AtomicFile.WriteAllBytes(file, bytes);
        return file;
    }
}
