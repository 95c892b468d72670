using System.IO.Compression;
using System.IO.Hashing;

namespace GanNotebooks.Data.Archives;

/// <summary>
/// Extracts a zip archive without trusting it: every entry must stay inside the target folder (no "..", no
/// absolute paths, no symbolic links, no name twice), the entry count and the sizes are bounded, and sizes are counted as bytes
/// actually come out of the decompressor (a zip bomb that lies about its sizes is stopped at the limit). Everything
/// is extracted into a temporary folder beside the target and renamed into place only when all of it succeeded, so
/// a failure leaves nothing half-extracted. Every entry's length and CRC-32 are checked against the archive's
/// directory as it comes out (the zip reader leaves a stored entry's CRC unchecked), and every name against the copy in
/// the entry's local header (<see cref="ZipEntryNames"/>). Introduced in notebook 04-dcgan.
/// </summary>
public static class SafeZipExtractor
{
    /// <summary>Extracts <paramref name="zipPath"/> into <paramref name="targetFolder"/> (which must not exist yet); returns the number of files.</summary>
    public static int Extract(string zipPath, string targetFolder, SafeZipOptions? options = null, IProgress<int>? progress = null)
    {
        var o = options ?? new SafeZipOptions();
        var target = Path.GetFullPath(targetFolder);
        if (Directory.Exists(target)) throw new IOException($"{target} exists already: remove it first, or use it as it is.");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.extracting");
        try
        {
            int files = ExtractInto(zipPath, temp, o, progress);
            Directory.Move(temp, target);
            return files;
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    // The archive is read lazily (the central directory when the entries are first listed, each entry's local header
    // when it is opened), so a damaged archive can fail at any of these steps: each failure names the archive.
    private static int ExtractInto(string zipPath, string folder, SafeZipOptions o, IProgress<int>? progress)
    {
        string? current = null;
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            if (archive.Entries.Count > o.MaxEntries)
                throw Refused(zipPath, $"it holds {archive.Entries.Count:N0} entries, more than the {o.MaxEntries:N0} allowed");
            using (var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096))
                ZipEntryNames.Check(file, archive.Entries.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
                if (!seen.Add(entry.FullName.Replace('\\', '/').TrimEnd('/')))
                    throw Refused(zipPath, $"entry '{entry.FullName}' appears more than once (a second copy would replace the first)");
            Directory.CreateDirectory(folder);
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            long total = 0;
            int files = 0;
            foreach (var entry in archive.Entries)
            {
                current = entry.FullName;
                var name = entry.FullName.Replace('\\', '/');
                var destination = Path.GetFullPath(Path.Combine(folder, name));
                if (Path.IsPathRooted(name) || !destination.StartsWith(root, StringComparison.Ordinal))
                    throw Refused(zipPath, $"entry '{entry.FullName}' would land outside the target folder");
                if ((entry.ExternalAttributes >> 16 & 0xF000) == 0xA000)
                    throw Refused(zipPath, $"entry '{entry.FullName}' is a symbolic link");
                if (name.EndsWith('/'))
                {
                    Directory.CreateDirectory(destination);
                    continue;
                }
                if (entry.Length > o.MaxEntryBytes)
                    throw Refused(zipPath, $"entry '{entry.FullName}' expands to {entry.Length:N0} bytes, more than the {o.MaxEntryBytes:N0} allowed");
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                total += CopyBounded(zipPath, entry, destination, Math.Min(o.MaxEntryBytes, o.MaxTotalBytes - total), o);
                if (++files % 1000 == 0) progress?.Report(files);
            }
            progress?.Report(files);
            return files;
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(zipPath, current is null
                ? $"{zipPath}: not a readable zip archive ({e.Message}). Download it again."
                : $"{zipPath}: entry '{current}' is corrupt ({e.Message}). Download the archive again.", e);
        }
    }

    private static long CopyBounded(string zipPath, ZipArchiveEntry entry, string destination, long allowed, SafeZipOptions o)
    {
        using var input = entry.Open();
        using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        var crc = new Crc32();
        long written = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            written += read;
            if (written > allowed)
                throw Refused(zipPath, $"entry '{entry.FullName}' expands beyond the limits ({o.MaxEntryBytes:N0} bytes per entry, {o.MaxTotalBytes:N0} in all)");
            crc.Append(buffer.AsSpan(0, read));
            output.Write(buffer, 0, read);
        }
        if (written != entry.Length)
            throw new InvalidDataException($"it holds {written:N0} bytes, but the archive's directory says {entry.Length:N0}");
        if (crc.GetCurrentHashAsUInt32() != entry.Crc32)
            throw new InvalidDataException($"its CRC-32 is {crc.GetCurrentHashAsUInt32():x8}, but the archive records {entry.Crc32:x8}");
        return written;
    }

    private static DataFileException Refused(string zipPath, string what) =>
        new(zipPath, $"{zipPath}: refused: {what}. Nothing was extracted; check where the archive came from.");
}
