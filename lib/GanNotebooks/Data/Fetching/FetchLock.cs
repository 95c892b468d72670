namespace GanNotebooks.Data.Fetching;

/// <summary>
/// A lock file opened with <see cref="FileShare.None"/>, so that two processes (or tasks) fetching the same data
/// set take turns. Dispose to release. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class FetchLock : IDisposable
{
    private readonly FileStream _stream;

    private FetchLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Takes the lock file at <paramref name="path"/>, waiting up to <paramref name="timeout"/> while someone else holds it.
    /// </summary>
    /// <exception cref="DataFetchException">Still held after <paramref name="timeout"/>.</exception>
    public static async Task<FetchLock> AcquireAsync(string path, TimeSpan timeout, Action<string>? onWait = null,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var started = DateTime.UtcNow;
        var told = false;
        while (true)
        {
            try
            {
                return new FetchLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow - started < timeout)
            {
                if (!told)
                    onWait?.Invoke($"Waiting for another fetch to finish (lock {path})...");
                told = true;
                await Task.Delay(200, cancellationToken);
            }
            catch (IOException e)
            {
                throw new DataFetchException(
                    $"Another fetch has held {path} for over {timeout.TotalSeconds:N0} s. Wait for it to finish; "
                    + "if no other gan data fetch is running, delete that file and retry.", e);
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();
}
