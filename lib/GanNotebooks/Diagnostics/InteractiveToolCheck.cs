using System.Text.Json;

namespace GanNotebooks.Diagnostics;

/// <summary>
/// Checks that the notebook kernel tool (.NET Interactive, pinned in <c>.config/dotnet-tools.json</c>) is restored
/// into the NuGet packages folder, which is what <c>dotnet tool run dotnet-interactive</c> needs. Introduced in
/// notebook 00-setup.
/// </summary>
/// <param name="toolManifest">The repository's <c>.config/dotnet-tools.json</c>.</param>
/// <param name="nugetPackagesFolder">The NuGet packages folder (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>).</param>
public sealed class InteractiveToolCheck(string toolManifest, string nugetPackagesFolder) : IDoctorCheck
{
    /// <summary>The tool's package id in the manifest.</summary>
    public const string PackageId = "microsoft.dotnet-interactive";

    /// <inheritdoc />
    public string Name => "dotnet-interactive";

    /// <summary>The check of <paramref name="repoRoot"/>'s manifest against this user's NuGet packages folder.</summary>
    public InteractiveToolCheck(string repoRoot) : this(Path.Combine(repoRoot, ".config", "dotnet-tools.json"), DefaultPackagesFolder()) { }

    /// <inheritdoc />
    public CheckResult Run()
    {
        const string restore = "Run  dotnet tool restore  in the repository's folder (environment/setup.sh does it).";
        if (!File.Exists(toolManifest))
            return CheckResult.Fail(Name, $"{toolManifest} is missing.", "Restore it from the repository: git checkout .config/dotnet-tools.json.");
        string? version;
        try
        {
            version = PinnedVersion(toolManifest);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return CheckResult.Fail(Name, $"{toolManifest} does not pin {PackageId} ({e.Message}).", "Restore it from the repository: git checkout .config/dotnet-tools.json.");
        }
        var folder = Path.Combine(nugetPackagesFolder, PackageId, version ?? "", "tools");
        return Directory.Exists(folder)
            ? CheckResult.Pass(Name, $"Version {version} restored ({Path.GetDirectoryName(folder)}).")
            : CheckResult.Fail(Name, $"Version {version} (pinned in {toolManifest}) is not restored: {folder} is missing.", restore);
    }

    /// <summary>The version of the tool that <paramref name="toolManifest"/> pins (throws JsonException, KeyNotFoundException or InvalidOperationException when it pins none).</summary>
    public static string? PinnedVersion(string toolManifest)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(toolManifest));
        return json.RootElement.GetProperty("tools").GetProperty(PackageId).GetProperty("version").GetString();
    }

    /// <summary>The NuGet packages folder: <c>NUGET_PACKAGES</c> when set, else <c>~/.nuget/packages</c>.</summary>
    public static string DefaultPackagesFolder()
    {
        var explicitDir = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrEmpty(explicitDir) ? explicitDir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }
}
