using GanNotebooks.IO;

namespace GanNotebooks.Data.Fetching;

/// <summary>
/// The offline fallback for Fashion-MNIST: copies the files of Debian's <c>dataset-fashion-mnist</c> package
/// (re-compressed by Debian, full canonical contents), after checking the SHA-256 of their decompressed contents
/// against the catalog. Writes <c>SOURCE.json</c>. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class DebianFashionMnistFallback
{
    /// <summary>Copies the four files from <paramref name="debianFolder"/> into <paramref name="folder"/>.</summary>
    /// <exception cref="DataFetchException">The package is not installed or a file is not the canonical one.</exception>
    public static DataSetSource Copy(string folder, string debianFolder = DataSetCatalog.DebianFashionMnistFolder,
        DataSetCatalogEntry? catalog = null, Action<string>? log = null)
    {
        catalog ??= DataSetCatalog.FashionMnist;
        var missing = catalog.Files.Where(f => !File.Exists(Path.Combine(debianFolder, f.FileName))).Select(f => f.FileName).ToArray();
        if (missing.Length > 0)
            throw new DataFetchException(
                $"Fashion-MNIST is not in {debianFolder} (missing {string.Join(", ", missing)}). "
                + "Install it with: sudo apt-get install dataset-fashion-mnist");
        Directory.CreateDirectory(folder);
        var hashes = new Dictionary<string, string>();
        foreach (var file in catalog.Files)
        {
            var from = Path.Combine(debianFolder, file.FileName);
            log?.Invoke($"Copying {from} ...");
            var contents = FileHashes.Sha256OfDecompressed(from);
            if (file.DecompressedSha256 != null && contents != file.DecompressedSha256)
                throw new DataFetchException($"{from}: decompressed SHA-256 {contents} is not the canonical {file.DecompressedSha256}.");
            var to = Path.Combine(folder, file.FileName);
            AtomicFile.Write(to, stream =>
            {
                using var source = File.OpenRead(from);
                source.CopyTo(stream);
            });
            hashes[file.FileName] = FileHashes.Sha256(to);
        }
        var trainCounts = ClassCounts(Path.Combine(folder, DataSets.LabelsFileName(DataSplit.Train)));
        var testCounts = ClassCounts(Path.Combine(folder, DataSets.LabelsFileName(DataSplit.Test)));
        var record = new DataSetSource
        {
            DataSet = DataSetName.FashionMnist.ToKey(),
            Kind = "debian-package",
            IsSubset = false,
            Source = $"Full Fashion-MNIST copied from Debian's dataset-fashion-mnist package ({debianFolder}); "
                + "re-compressed by Debian, decompressed contents verified against the canonical SHA-256.",
            FetchedUtc = DateTimeOffset.UtcNow,
            TrainCount = trainCounts.Sum(),
            TestCount = testCounts.Sum(),
            TrainClassCounts = trainCounts,
            TestClassCounts = testCounts,
            Files = hashes,
        };
        record.Write(folder);
        return record;
    }

    internal static int[] ClassCounts(string labelsPath)
    {
        var counts = new int[10];
        foreach (var label in IdxReader.ReadLabels(labelsPath))
            if (label < counts.Length)
                counts[label]++;
        return counts;
    }
}
