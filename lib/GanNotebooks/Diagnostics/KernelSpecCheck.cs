using System.Text.Json;

namespace GanNotebooks.Diagnostics;

/// <summary>
/// Checks that Jupyter can find the kit's C# kernel (<c>kernels/.net-csharp/kernel.json</c>, written by
/// <c>gan jupyter install</c>), that it starts .NET Interactive through the kit's kernel launcher (a network namespace
/// of its own, signed messages only; README, Security) and that the files it names exist. The headless runner
/// writes its own copy under <c>build/jupyter</c>; that one serves <c>./gan run</c> but not Jupyter's own UI.
/// Introduced in notebook 00-setup.
/// </summary>
/// <param name="jupyterDataFolders">Jupyter's data folders to look in (user's first, then system-wide).</param>
/// <param name="runnerFolder">The runner's own Jupyter folder (<c>build/jupyter</c>).</param>
public sealed class KernelSpecCheck(IReadOnlyList<string> jupyterDataFolders, string runnerFolder) : IDoctorCheck
{
    /// <summary>The kernel's name, as notebooks ask for it in their metadata.</summary>
    public const string KernelName = ".net-csharp";

    /// <inheritdoc />
    public string Name => "Jupyter kernel";

    /// <summary>The check of this user's and the system's Jupyter folders, and the runner's in <paramref name="repoRoot"/>.</summary>
    public KernelSpecCheck(string repoRoot) : this(DefaultJupyterDataFolders(), Path.Combine(repoRoot, "build", "jupyter")) { }

    /// <inheritdoc />
    public CheckResult Run()
    {
        const string install = "Run ./gan jupyter install (or environment/setup.sh), then restart Jupyter.";
        var spec = jupyterDataFolders.Select(SpecFile).FirstOrDefault(File.Exists);
        if (spec is null)
        {
            var runner = File.Exists(SpecFile(runnerFolder)) ? $" The runner's copy ({SpecFile(runnerFolder)}) serves ./gan run only." : "";
            return CheckResult.Warn(Name, $"No '{KernelName}' kernel in Jupyter's folders ({string.Join(", ", jupyterDataFolders)}); Jupyter will not offer .NET (C#).{runner}", install);
        }
        List<string> argv;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(spec));
            argv = json.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString() ?? "").ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return CheckResult.Fail(Name, $"{spec} is not a readable kernel spec ({e.Message}).", install);
        }
        var launcher = argv.FirstOrDefault(a => a.EndsWith("kernel_launcher.py", StringComparison.Ordinal));
        if (launcher is null || !argv.Contains("--http-local-only"))
            return CheckResult.Warn(Name, $"{spec} is not the kit's spec: it starts the kernel without the kit's launcher, so any local process "
                + "can send it code (its HTTP API and its Jupyter ports answer without a key).", install);
        var missing = argv.Where(a => Path.IsPathRooted(a) && !File.Exists(a)).ToList();
        if (missing.Count > 0)
            return CheckResult.Fail(Name, $"{spec} names files that are gone: {string.Join(", ", missing)}.", install);
        return CheckResult.Pass(Name, $"{spec} (the kernel in a network namespace of its own; only messages signed with its key reach it).");
    }

    private static string SpecFile(string folder) => Path.Combine(folder, "kernels", KernelName, "kernel.json");

    /// <summary>Jupyter's data folders: JUPYTER_DATA_DIR (or $XDG_DATA_HOME/jupyter, or ~/.local/share/jupyter), then the system's.</summary>
    public static IReadOnlyList<string> DefaultJupyterDataFolders()
    {
        var explicitDir = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var user = !string.IsNullOrEmpty(explicitDir) ? explicitDir
            : Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
        return [user, "/usr/local/share/jupyter", "/usr/share/jupyter"];
    }
}
