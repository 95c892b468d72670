using System.Net;
using System.Net.Http.Headers;

namespace GanNotebooks.Data.Fetching;

/// <summary>
/// Downloads one file from the first mirror that delivers it intact. Bytes go to <c>&lt;file&gt;.part</c>; a
/// partial <c>.part</c> is resumed with an HTTP Range request (restarted when the server ignores Range);
/// transient failures are retried with backoff; an unreachable host is skipped at once. The SHA-256 is checked
/// before the file is renamed into place, and a file that does not match is deleted, never left where the
/// loader would read it. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class FileDownloader : IDisposable
{
    private readonly HttpClient _http;
    private readonly int _attemptsPerMirror;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _readTimeout;

    /// <summary>Creates a downloader.</summary>
    /// <param name="connectTimeout">How long to wait for a connection (default 10 s).</param>
    /// <param name="attemptsPerMirror">Tries per mirror for transient failures (default 3).</param>
    /// <param name="retryDelay">First backoff delay, doubled on each retry (default 1 s).</param>
    /// <param name="readTimeout">How long a stalled transfer may go without data (default 60 s).</param>
    public FileDownloader(TimeSpan? connectTimeout = null, int attemptsPerMirror = 3, TimeSpan? retryDelay = null,
        TimeSpan? readTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsPerMirror, 1);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("GanNotebooks/0.1");
        _attemptsPerMirror = attemptsPerMirror;
        _retryDelay = retryDelay ?? TimeSpan.FromSeconds(1);
        _readTimeout = readTimeout ?? TimeSpan.FromSeconds(60);
    }

    /// <summary>
    /// Downloads <paramref name="destination"/> from the first of <paramref name="urls"/> that delivers bytes whose
    /// SHA-256 is <paramref name="expectedSha256"/>, and returns that URL.
    /// </summary>
    /// <exception cref="DataFetchException">No URL delivered the file; the message lists what each one did.</exception>
    public async Task<Uri> DownloadAsync(IReadOnlyList<Uri> urls, string destination, string expectedSha256,
        long? expectedSize = null, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        destination = Path.GetFullPath(destination);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var part = destination + ".part";
        var failures = new List<string>();
        foreach (var url in urls)
        {
            for (var attempt = 1; attempt <= _attemptsPerMirror; attempt++)
            {
                bool resumed;
                try
                {
                    resumed = await DownloadOnceAsync(url, part, Path.GetFileName(destination), expectedSize, progress, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsDownloadFailure(e))
                {
                    failures.Add($"{url}: {Describe(e)}");
                    if (!IsWorthRetrying(e) || attempt == _attemptsPerMirror)
                        break;
                    await Task.Delay(_retryDelay * Math.Pow(2, attempt - 1), cancellationToken);
                    continue;
                }

                var actual = FileHashes.Sha256(part);
                if (actual == expectedSha256)
                {
                    File.Move(part, destination, overwrite: true);
                    return url;
                }
                File.Delete(part);
                failures.Add($"{url}: SHA-256 {actual} does not match the expected {expectedSha256}; deleted it");
                if (!resumed)
                    break; // this mirror serves different bytes; a resumed file gets one fresh try
            }
        }
        throw new DataFetchException(
            $"Could not download {Path.GetFileName(destination)}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", failures));
    }

    /// <summary>Frees the HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    // Returns whether the bytes were appended to an existing partial file.
    private async Task<bool> DownloadOnceAsync(Uri url, string part, string fileName, long? expectedSize,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var existing = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (expectedSize is long size && existing >= size)
        {
            if (existing == size)
                return true; // complete already; the caller checks the hash
            File.Delete(part);
            existing = 0;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0)
            request.Headers.Range = new RangeHeaderValue(existing, null);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            File.Delete(part);
            throw new HttpRequestException("the server refused to resume the partial file; restarting", null, response.StatusCode);
        }
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);

        var append = existing > 0 && response.StatusCode == HttpStatusCode.PartialContent
            && response.Content.Headers.ContentRange?.From == existing;
        if (!append)
            existing = 0;
        var total = append ? response.Content.Headers.ContentRange?.Length : response.Content.Headers.ContentLength;
        total ??= expectedSize;

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        var received = existing;
        progress?.Report(new DownloadProgress(fileName, received, total, url));
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            stall.CancelAfter(_readTimeout);
            int read;
            try
            {
                read = await body.ReadAsync(buffer, stall.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no data for {_readTimeout.TotalSeconds:N0} s", e);
            }
            if (read == 0)
                break;
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            received += read;
            if (expectedSize is long max && received > max)
                throw new InvalidDataException($"the server sent more than the expected {max:N0} bytes");
            progress?.Report(new DownloadProgress(fileName, received, total, url));
        }
        if (total is long whole && received != whole)
            throw new IOException($"the transfer ended after {received:N0} of {whole:N0} bytes");
        return append;
    }

    private static bool IsDownloadFailure(Exception e) =>
        e is HttpRequestException or IOException or TimeoutException or TaskCanceledException or InvalidDataException;

    private static bool IsWorthRetrying(Exception e) => e switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } => false,
        HttpRequestException { StatusCode: HttpStatusCode.RequestedRangeNotSatisfiable } => true,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500 || status == HttpStatusCode.TooManyRequests,
        InvalidDataException => false,
        _ => true,
    };

    private static string Describe(Exception e) =>
        e is TaskCanceledException ? "timed out" : e.InnerException is { } inner && e is HttpRequestException
            ? $"{e.Message} ({inner.Message})" : e.Message;
}
