using System.Text.Json;

namespace GanNotebooks.Diagnostics;

/// <summary>
/// Checks that an installed .NET SDK satisfies <c>global.json</c> (same major.minor version, at least the pinned
/// one: the kit rolls forward to the latest feature band). Introduced in notebook 00-setup.
/// </summary>
/// <param name="globalJsonPath">The repository's <c>global.json</c>.</param>
/// <param name="installedSdks">The installed SDK versions (default: <c>dotnet --list-sdks</c>); null when dotnet cannot be run.</param>
public sealed class DotnetSdkCheck(string globalJsonPath, Func<IReadOnlyList<string>?> installedSdks) : IDoctorCheck
{
    /// <inheritdoc />
    public string Name => ".NET SDK";

    /// <summary>The check for this machine: <c>dotnet --list-sdks</c> against <paramref name="globalJsonPath"/>.</summary>
    public DotnetSdkCheck(string globalJsonPath) : this(globalJsonPath, ListSdks) { }

    /// <inheritdoc />
    public CheckResult Run()
    {
        if (!File.Exists(globalJsonPath))
            return CheckResult.Fail(Name, $"{globalJsonPath} is missing.", "Run the kit from its repository folder (global.json pins the SDK).");
        string? pinned;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(globalJsonPath));
            pinned = json.RootElement.GetProperty("sdk").GetProperty("version").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return CheckResult.Fail(Name, $"{globalJsonPath} has no readable sdk.version ({e.Message}).", "Restore global.json from the repository (git checkout global.json).");
        }
        if (!Version.TryParse(pinned, out var required))
            return CheckResult.Fail(Name, $"{globalJsonPath}: sdk.version '{pinned}' is not a version.", "Restore global.json from the repository (git checkout global.json).");
        var installed = installedSdks();
        var fix = $"Install the .NET {required.Major}.{required.Minor} SDK ({required} or newer), see README \"Install\".";
        if (installed is null)
            return CheckResult.Fail(Name, "The dotnet command was not found or did not run.", fix);
        var versions = installed.Select(v => Version.TryParse(v.Split('-')[0], out var parsed) ? parsed : null).OfType<Version>().ToList();
        var match = versions.Where(v => v.Major == required.Major && v.Minor == required.Minor && v >= required).DefaultIfEmpty().Max();
        if (match is null)
            return CheckResult.Fail(Name, $"global.json asks for SDK {required} (or a later {required.Major}.{required.Minor} feature band); installed: {(versions.Count == 0 ? "none" : string.Join(", ", versions))}.", fix);
        return CheckResult.Pass(Name, $"SDK {match} satisfies global.json ({required}).");
    }

    private static IReadOnlyList<string>? ListSdks()
    {
        var output = ProcessProbe.Run("dotnet", "--list-sdks");
        return output?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0]).ToList();
    }
}
