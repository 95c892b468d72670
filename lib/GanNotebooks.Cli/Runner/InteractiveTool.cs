using System.Text.Json;
using GanNotebooks.Diagnostics;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Where the notebook kernel (.NET Interactive, pinned in <c>.config/dotnet-tools.json</c>) and the <c>dotnet</c> host
/// that runs it are, as absolute paths, so that a kernel spec naming them starts from any folder (no tool manifest
/// needed where the notebook is). Introduced in notebook 00-setup, through <c>gan jupyter install</c>.
/// </summary>
public static class InteractiveTool
{
    /// <summary>The kernel's entry assembly for the version <paramref name="repoRoot"/>'s manifest pins, in this user's NuGet packages folder.</summary>
    /// <exception cref="InvalidOperationException">The manifest pins no version or the tool is not restored; the message says how to fix it.</exception>
    public static string AppAssembly(string repoRoot)
    {
        var manifest = Path.Combine(repoRoot, ".config", "dotnet-tools.json");
        string? version;
        try
        {
            version = InteractiveToolCheck.PinnedVersion(manifest);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new InvalidOperationException($"{manifest} does not pin {InteractiveToolCheck.PackageId} ({e.Message}): restore it with  git checkout .config/dotnet-tools.json.");
        }
        var tools = Path.Combine(InteractiveToolCheck.DefaultPackagesFolder(), InteractiveToolCheck.PackageId, version ?? "", "tools");
        var app = Directory.Exists(tools)
            ? Directory.EnumerateFiles(tools, "Microsoft.DotNet.Interactive.App.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return app ?? throw new InvalidOperationException(
            $"The notebook kernel {InteractiveToolCheck.PackageId} {version} is not restored ({tools} is missing): run  dotnet tool restore  in {repoRoot}.");
    }

    /// <summary>The <c>dotnet</c> host: the one running this process, else the first on PATH, with links resolved.</summary>
    public static string DotnetHost()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), Environment.ProcessPath };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "dotnet")));
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrEmpty(candidate) || Path.GetFileName(candidate) != "dotnet" || !File.Exists(candidate)) continue;
            return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(candidate);
        }
        return "dotnet";
    }
}
