using System.Text.Json;
using System.Text.Json.Serialization;
using GanNotebooks.Data;
using GanNotebooks.IO;

namespace GanNotebooks.Metrics;

/// <summary>
/// The record beside a cached evaluation classifier (<c>manifest.json</c>): which network and options, the SHA-256
/// of the weights file, the identity of the data it was trained on, and its test accuracy. Introduced in notebook
/// 07-evaluating-gans.
/// </summary>
public sealed record ClassifierManifest
{
    /// <summary>Name of the manifest file inside the cache folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Identifies the network's layout; a cache of another layout is retrained.</summary>
    public const string CurrentArchitecture = "conv16-conv32-fc128-v1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The network's layout, <see cref="CurrentArchitecture"/> when written by this version.</summary>
    public required string Architecture { get; init; }

    /// <summary>The training options.</summary>
    public required ClassifierOptions Options { get; init; }

    /// <summary>Number of classes.</summary>
    public required int Classes { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the weights file.</summary>
    public required string WeightsSha256 { get; init; }

    /// <summary>The data set's files when the classifier was trained.</summary>
    public required DataSetIdentity Data { get; init; }

    /// <summary>Share of the test split classified correctly.</summary>
    public required double TestAccuracy { get; init; }

    /// <summary>Number of training images used.</summary>
    public int TrainCount { get; init; }

    /// <summary>Number of test images.</summary>
    public int TestCount { get; init; }

    /// <summary>True when the data set is only part of the canonical one.</summary>
    public bool IsSubset { get; init; }

    /// <summary>Wall-clock training time in seconds.</summary>
    public double TrainingSeconds { get; init; }

    /// <summary>When the classifier was trained (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Reads the manifest in <paramref name="folder"/>; null when there is none.</summary>
    /// <exception cref="DataFileException">The file exists but is not a manifest.</exception>
    public static ClassifierManifest? TryRead(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<ClassifierManifest>(File.ReadAllText(path), Json)
                ?? throw new JsonException("empty document");
        }
        catch (JsonException e)
        {
            throw new DataFileException(path, $"{path}: unreadable ({e.Message}). Delete the folder {folder} and the classifier is retrained.", e);
        }
    }

    /// <summary>Writes the manifest into <paramref name="folder"/> atomically.</summary>
    public void Write(string folder) =>
        AtomicFile.WriteAllBytes(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(this, Json));
}
