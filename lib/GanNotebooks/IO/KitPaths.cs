namespace GanNotebooks.IO;

/// <summary>
/// Where the kit keeps things: the repository root (found by walking up to <c>GanNotebooks.sln</c>), the data
/// folder (<c>data/</c>, or the <c>GAN_DATA_DIR</c> environment variable) and the artifacts folder
/// (<c>artifacts/</c>, or <c>GAN_ARTIFACTS_DIR</c>). Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class KitPaths
{
    /// <summary>Environment variable that moves the data folder.</summary>
    public const string DataDirVariable = "GAN_DATA_DIR";

    /// <summary>Environment variable that moves the artifacts folder.</summary>
    public const string ArtifactsDirVariable = "GAN_ARTIFACTS_DIR";

    /// <summary>
    /// The repository root: the nearest folder at or above the current directory (then above this assembly)
    /// that holds <c>GanNotebooks.sln</c>; the current directory when there is none.
    /// </summary>
    public static string RepoRoot => FindRepoRoot(Directory.GetCurrentDirectory())
        ?? FindRepoRoot(AppContext.BaseDirectory)
        ?? Directory.GetCurrentDirectory();

    /// <summary>The data folder: <c>GAN_DATA_DIR</c> when set, else <c>&lt;repo&gt;/data</c>.</summary>
    public static string DataRoot => FromEnvironment(DataDirVariable) ?? Path.Combine(RepoRoot, "data");

    /// <summary>The artifacts folder: <c>GAN_ARTIFACTS_DIR</c> when set, else <c>&lt;repo&gt;/artifacts</c>.</summary>
    public static string ArtifactsRoot => FromEnvironment(ArtifactsDirVariable) ?? Path.Combine(RepoRoot, "artifacts");

    /// <summary>The artifacts folder of one notebook, e.g. <c>artifacts/02-vanilla-gan</c>.</summary>
    public static string ArtifactsFor(string notebookName) => Path.Combine(ArtifactsRoot, notebookName);

    /// <summary>Walks up from <paramref name="start"/> to the folder holding <c>GanNotebooks.sln</c>.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GanNotebooks.sln")))
                return dir.FullName;
        return null;
    }

    private static string? FromEnvironment(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : Path.GetFullPath(value);
    }
}
