using System.Diagnostics;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// The exclusive right to save into a <see cref="CheckpointFolder"/>, held while a save numbers, writes, renames and
/// prunes its checkpoints, so that saves of two folder objects, threads or processes never interleave. It is an
/// operating-system lock on the hidden file <c>.&lt;prefix&gt;.lock</c> in the folder (opened with
/// <see cref="FileShare.None"/>: <c>flock</c> on Linux and macOS, a sharing lock on Windows), which the system
/// releases when its holder ends, so a killed process never leaves the folder locked. The file itself stays.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
internal sealed class CheckpointFolderLock : IDisposable
{
    private readonly FileStream _handle;

    private CheckpointFolderLock(FileStream handle) => _handle = handle;

    /// <summary>The lock file of checkpoints named <paramref name="prefix"/> in <paramref name="folder"/>.</summary>
    public static string PathIn(string folder, string prefix) => Path.Combine(folder, $".{prefix}.lock");

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the lock at <paramref name="lockPath"/>. A folder that cannot be
    /// written (read-only, not the user's) throws <see cref="UnauthorizedAccessException"/> or <see cref="IOException"/>
    /// at once; a lock still held by another save at the end of the wait throws <see cref="TimeoutException"/>.
    /// </summary>
    public static CheckpointFolderLock Acquire(string lockPath, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                return new CheckpointFolderLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
            }
            catch (IOException e) when (IsHeldByAnother(e))
            {
                if (clock.Elapsed >= timeout)
                    throw new TimeoutException($"another save held the lock {lockPath} for {timeout.TotalSeconds:0} s", e);
                Thread.Sleep(pause);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 100));
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _handle.Dispose();

    // A sharing violation (the file is locked by another handle) rather than a file system that refuses the file:
    // EWOULDBLOCK from flock (11 on Linux, 35 on macOS), or Windows' sharing and lock violations.
    private static bool IsHeldByAnother(IOException e) =>
        e.GetType() == typeof(IOException) && e.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
