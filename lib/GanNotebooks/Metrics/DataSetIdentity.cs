using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Metrics;

/// <summary>
/// What a cached classifier was trained and tested on: the SHA-256 of each of the data set's four files and of its
/// <c>SOURCE.json</c> (when present). A cache whose identity differs from the files now on disk is retrained.
/// Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed record DataSetIdentity
{
    /// <summary>The data set's key, e.g. <c>mnist</c>.</summary>
    public required string DataSet { get; init; }

    /// <summary>SHA-256 (lower-case hex) of each file as stored, by file name.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    /// <summary>Hashes the files of <paramref name="name"/> in <paramref name="dataRoot"/> (default <c>KitPaths.DataRoot</c>).</summary>
    /// <exception cref="DataSetNotFoundException">A data file is missing.</exception>
    public static DataSetIdentity Of(DataSetName name, string? dataRoot = null)
    {
        var folder = DataSets.FolderOf(name, dataRoot);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in DataSets.FileNames)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path)) throw new DataSetNotFoundException(name, path);
            files[file] = FileHashes.Sha256(path);
        }
        var source = Path.Combine(folder, DataSetSource.FileName);
        if (File.Exists(source)) files[DataSetSource.FileName] = FileHashes.Sha256(source);
        return new DataSetIdentity { DataSet = name.ToKey(), Files = files };
    }

    /// <summary>Null when both name the same data set with the same files; otherwise what differs, in one sentence.</summary>
    public string? DifferenceFrom(DataSetIdentity other)
    {
        if (DataSet != other.DataSet) return $"it was trained on {other.DataSet}, not {DataSet}";
        foreach (var name in Files.Keys.Union(other.Files.Keys).Order(StringComparer.Ordinal))
        {
            Files.TryGetValue(name, out var now);
            other.Files.TryGetValue(name, out var then);
            if (now != then)
                return now is null ? $"{name} is gone" : then is null ? $"{name} is new" : $"{name} has changed";
        }
        return null;
    }
}
