using System.IO.Compression;
using GanNotebooks.Data;
using GanNotebooks.Data.Archives;
using GanNotebooks.Tests.Data;
using Xunit.Abstractions;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// Property: <see cref="SafeZipExtractor"/> given a randomly corrupted copy of a small archive (deflated and stored
/// entries in a folder, as the CelebA download is laid out) extracts exactly the original files, or throws
/// <see cref="DataFileException"/> naming the archive and leaves nothing extracted: no target folder, no
/// temporary folder. Zip stores a CRC-32 of every entry, so changed contents must be noticed.
/// </summary>
public sealed class CorruptedZipProperties(ITestOutputHelper output) : IDisposable
{
    private static readonly CorruptionProperty Property = CorruptionProperty.Rejecting(typeof(DataFileException));
    private readonly TempFolder _folder = new();
    private int _extractions;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Zip_archives_extract_as_the_original_files_or_are_rejected_leaving_nothing() =>
        Property.Holds(output, _folder, "faces.zip", WriteArchive, Extract, (a, b) => a.SameAs(b), seed: 31,
            (original, _) => Expectation<ExtractedFiles>.OriginalOrRejected(original));

    private static void WriteArchive(string path)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        archive.CreateEntry("img_align_celeba/");
        for (int i = 1; i <= 3; i++)
        {
            var entry = archive.CreateEntry($"img_align_celeba/{i:D6}.jpg", i == 2 ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
            using var stream = entry.Open();
            stream.Write(Enumerable.Range(0, 1500).Select(b => (byte)(b * i % 97 + b / 50)).ToArray());
        }
        var list = archive.CreateEntry("list_eval_partition.txt", CompressionLevel.Optimal);
        using var writer = new StreamWriter(list.Open());
        for (int i = 1; i <= 3; i++) writer.WriteLine($"{i:D6}.jpg {i % 3}");
    }

    // Extracts into a fresh folder and reads back every file and folder; a rejection must leave nothing behind.
    private ExtractedFiles Extract(string zipPath)
    {
        var parent = _folder.File($"extract-{++_extractions}");
        var target = Path.Combine(parent, "faces");
        try
        {
            SafeZipExtractor.Extract(zipPath, target);
        }
        catch (DataFileException)
        {
            if (Directory.Exists(parent) && Directory.EnumerateFileSystemEntries(parent).Any())
                throw new InvalidOperationException($"a rejected archive left {string.Join(", ", Directory.EnumerateFileSystemEntries(parent))}");
            throw;
        }
        var files = Directory.EnumerateFileSystemEntries(target, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(entry => (Path.GetRelativePath(target, entry), File.Exists(entry) ? File.ReadAllBytes(entry) : null))
            .ToList();
        Directory.Delete(parent, recursive: true);
        return new ExtractedFiles(files);
    }

    /// <summary>What an extraction produced: every path (relative) with its bytes, or null for a folder.</summary>
    private sealed record ExtractedFiles(IReadOnlyList<(string Path, byte[]? Bytes)> Entries)
    {
        public bool SameAs(ExtractedFiles other) =>
            Entries.Count == other.Entries.Count && Entries.Zip(other.Entries).All(pair => pair.First.Path == pair.Second.Path
                && (pair.First.Bytes is null ? pair.Second.Bytes is null : pair.Second.Bytes is not null && pair.First.Bytes.AsSpan().SequenceEqual(pair.Second.Bytes)));
    }
}
