using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GanNotebooks.Tests.Data.Fetching;

/// <summary>
/// A tiny HTTP/1.1 file server on 127.0.0.1 (loopback only) for downloader tests: serves byte arrays by path,
/// honours "Range: bytes=N-" unless told not to, and can cut a response short.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, byte[]> _files = new();
    private readonly List<string> _requests = new();

    public LocalHttpServer()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/files/");

    /// <summary>When false, Range headers are ignored and the whole file is sent with 200.</summary>
    public bool HonourRange { get; set; } = true;

    /// <summary>When set, the first response body is cut after this many bytes (connection closed).</summary>
    public int? CutFirstResponseAfter { get; set; }

    /// <summary>Delay before each response (to make concurrent fetches overlap).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Request lines with their Range header, e.g. "GET /files/a.gz bytes=10-".</summary>
    public IReadOnlyList<string> Requests { get { lock (_requests) return _requests.ToArray(); } }

    public void Serve(string name, byte[] content) { lock (_files) _files["/files/" + name] = content; }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Handle(client));
        }
    }

    private async Task Handle(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync() ?? "";
                string? range = null;
                for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
                    if (line.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))
                        range = line[6..].Trim();
                var path = requestLine.Split(' ').ElementAtOrDefault(1) ?? "";
                bool cut;
                lock (_requests)
                {
                    _requests.Add($"GET {path} {range}".TrimEnd());
                    cut = _requests.Count == 1 && CutFirstResponseAfter.HasValue;
                }
                if (Delay > TimeSpan.Zero)
                    await Task.Delay(Delay);
                byte[]? content;
                lock (_files) _files.TryGetValue(path, out content);
                if (content == null)
                {
                    await Write(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", []);
                    return;
                }
                var start = 0L;
                if (HonourRange && range is { } r && r.StartsWith("bytes=") && r.EndsWith('-'))
                    start = long.Parse(r[6..^1]);
                var body = content.AsSpan((int)start).ToArray();
                var head = start > 0
                    ? $"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {start}-{content.Length - 1}/{content.Length}\r\n"
                    : "HTTP/1.1 200 OK\r\n";
                head += $"Content-Length: {body.Length}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
                await Write(stream, head, cut ? body[..CutFirstResponseAfter!.Value] : body);
            }
            catch (IOException) { }
        }
    }

    private static async Task Write(NetworkStream stream, string head, byte[] body)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
