namespace GanNotebooks.Cli.Grading;

/// <summary>
/// The files under some folders (path, size, last write time), taken before and after a submission runs, so that
/// files it deleted, changed or added outside its own working folder are reported.
/// </summary>
public sealed class FileSnapshot
{
    private readonly Dictionary<string, (long Size, DateTime Written)> _files;

    private FileSnapshot(Dictionary<string, (long, DateTime)> files) => _files = files;

    /// <summary>Takes the snapshot of every file under <paramref name="folders"/> (missing folders hold nothing).</summary>
    public static FileSnapshot Take(IEnumerable<string> folders)
    {
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
            foreach (var path in Directory.EnumerateFiles(folder, "*", enumeration))
            {
                var info = new FileInfo(path);
                if (info.Exists) files[path] = (info.Length, info.LastWriteTimeUtc);
            }
        }
        return new FileSnapshot(files);
    }

    /// <summary>What differs in <paramref name="after"/>, one line a file ("deleted …", "changed …", "added …"), at most 20.</summary>
    public IReadOnlyList<string> Differences(FileSnapshot after)
    {
        var lines = new List<string>();
        foreach (var (path, state) in _files)
        {
            if (!after._files.TryGetValue(path, out var now)) lines.Add($"deleted {path}");
            else if (now != state) lines.Add($"changed {path}");
        }
        lines.AddRange(after._files.Keys.Where(p => !_files.ContainsKey(p)).Select(p => $"added {p}"));
        return lines.Count <= 20 ? lines : [.. lines.Take(20), $"… and {lines.Count - 20} more"];
    }
}
