using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Tests.Data.Fetching;

public class FileDownloaderTests
{
    private static readonly byte[] Payload = RandomNumberGenerator.GetBytes(300_000);
    private static readonly string PayloadSha = Convert.ToHexStringLower(SHA256.HashData(Payload));

    internal static Uri UnreachableMirror()
    {
        // A loopback port that nothing listens on: the connection is refused at once.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/files/");
    }

    private static FileDownloader Downloader() => new(TimeSpan.FromSeconds(2), attemptsPerMirror: 3, retryDelay: TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task Downloads_and_verifies_with_progress()
    {
        using var server = new LocalHttpServer();
        server.Serve("a.gz", Payload);
        using var temp = new TempFolder();
        var target = temp.File("a.gz");
        var reports = new List<DownloadProgress>();
        using var downloader = Downloader();

        var used = await downloader.DownloadAsync([new Uri(server.BaseUrl, "a.gz")], target, PayloadSha, Payload.Length,
            new SyncProgress(reports.Add));

        Assert.Equal(new Uri(server.BaseUrl, "a.gz"), used);
        Assert.Equal(Payload, File.ReadAllBytes(target));
        Assert.False(File.Exists(target + ".part"));
        Assert.Equal(Payload.Length, reports[^1].BytesReceived);
        Assert.Equal(Payload.Length, reports[^1].TotalBytes);
        Assert.Equal(100.0, reports[^1].Percent);
    }

    [Fact]
    public async Task Resumes_a_half_part_file_with_a_range_request()
    {
        using var server = new LocalHttpServer();
        server.Serve("a.gz", Payload);
        using var temp = new TempFolder();
        var target = temp.File("a.gz");
        File.WriteAllBytes(target + ".part", Payload[..150_000]);
        using var downloader = Downloader();

        await downloader.DownloadAsync([new Uri(server.BaseUrl, "a.gz")], target, PayloadSha, Payload.Length);

        Assert.Equal(Payload, File.ReadAllBytes(target));
        Assert.Equal(["GET /files/a.gz bytes=150000-"], server.Requests);
    }

    [Fact]
    public async Task Resumes_after_the_connection_drops_mid_transfer()
    {
        using var server = new LocalHttpServer { CutFirstResponseAfter = 100_000 };
        server.Serve("a.gz", Payload);
        using var temp = new TempFolder();
        var target = temp.File("a.gz");
        using var downloader = Downloader();

        await downloader.DownloadAsync([new Uri(server.BaseUrl, "a.gz")], target, PayloadSha, Payload.Length);

        Assert.Equal(Payload, File.ReadAllBytes(target));
        Assert.Equal(2, server.Requests.Count);
        Assert.StartsWith("GET /files/a.gz bytes=", server.Requests[1]);
    }

    [Fact]
    public async Task Restarts_when_the_server_ignores_range()
    {
        using var server = new LocalHttpServer { HonourRange = false };
        server.Serve("a.gz", Payload);
        using var temp = new TempFolder();
        var target = temp.File("a.gz");
        File.WriteAllBytes(target + ".part", Payload[..150_000]);
        using var downloader = Downloader();

        await downloader.DownloadAsync([new Uri(server.BaseUrl, "a.gz")], target, PayloadSha, Payload.Length);

        Assert.Equal(Payload, File.ReadAllBytes(target));
    }

    [Fact]
    public async Task Corrupted_payload_is_rejected_and_not_left_in_place()
    {
        using var server = new LocalHttpServer();
        var corrupted = Payload.ToArray();
        corrupted[1234] ^= 0xFF;
        server.Serve("a.gz", corrupted);
        using var temp = new TempFolder();
        var target = temp.File("a.gz");
        using var downloader = Downloader();

        var error = await Assert.ThrowsAsync<DataFetchException>(() =>
            downloader.DownloadAsync([new Uri(server.BaseUrl, "a.gz")], target, PayloadSha, Payload.Length));

        Assert.Contains("does not match", error.Message);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + ".part"));
    }

    [Fact]
    public async Task Unreachable_and_missing_mirrors_fall_through_to_the_next()
    {
        using var server = new LocalHttpServer();
        server.Serve("a.gz", Payload);
        using var temp = new TempFolder();
        var target = temp.File("a.gz");
        using var downloader = Downloader();
        var urls = new[] { new Uri(UnreachableMirror(), "a.gz"), new Uri(server.BaseUrl, "missing.gz"), new Uri(server.BaseUrl, "a.gz") };

        var started = DateTime.UtcNow;
        var used = await downloader.DownloadAsync(urls, target, PayloadSha, Payload.Length);

        Assert.Equal(urls[2], used);
        Assert.Equal(Payload, File.ReadAllBytes(target));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "an unreachable mirror was retried slowly");
    }

    [Fact]
    public async Task All_mirrors_failing_lists_each_failure()
    {
        using var temp = new TempFolder();
        using var downloader = Downloader();
        var dead = new Uri(UnreachableMirror(), "a.gz");

        var error = await Assert.ThrowsAsync<DataFetchException>(() =>
            downloader.DownloadAsync([dead], temp.File("a.gz"), PayloadSha, Payload.Length));

        Assert.Contains(dead.ToString(), error.Message);
        Assert.False(File.Exists(temp.File("a.gz")));
    }

    /// <summary>An IProgress that reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
