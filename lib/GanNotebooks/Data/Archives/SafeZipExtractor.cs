using System.IO.Compression;
using GanNotebooks.IO;

namespace GanNotebooks.Data.Archives;

/// <summary>
/// Extracts a zip archive without trusting it: every entry must stay inside the target folder (no "..", no
/// absolute paths, no symbolic links, no name twice), the entry count and the sizes are bounded, and sizes are
/// counted as bytes actually come out of the decompressor (a zip bomb that lies about its sizes is stopped at the
/// limit). Every entry is read to its end and must match the length and CRC-32 its archive declares, so a corrupt
/// or truncated archive is refused instead of half-extracted. Everything
/// is extracted into a temporary folder beside the target and renamed into place only when all of it succeeded, so
/// a failure leaves nothing half-extracted. Introduced in notebook 04-dcgan.
/// </summary>
public static class SafeZipExtractor
{
    /// <summary>Extracts <paramref name="zipPath"/> into <paramref name="targetFolder"/> (which must not exist yet); returns the number of files.</summary>
    public static int Extract(string zipPath, string targetFolder, SafeZipOptions? options = null, IProgress<int>? progress = null)
    {
        var o = options ?? new SafeZipOptions();
        if (PathCheck.FileProblem(zipPath) is { } problem)
            throw new DataFileException(zipPath, $"{problem}. Give the path of the zip archive itself.");
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

    private static int ExtractInto(string zipPath, string folder, SafeZipOptions o, IProgress<int>? progress)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(zipPath, $"{zipPath}: not a readable zip archive ({e.Message}). Download it again.");
        }
        using var _ = archive;
        if (archive.Entries.Count > o.MaxEntries)
            throw Refused(zipPath, $"it holds {archive.Entries.Count:N0} entries, more than the {o.MaxEntries:N0} allowed");
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

    private static long CopyBounded(string zipPath, ZipArchiveEntry entry, string destination, long allowed, SafeZipOptions o)
    {
        using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        var crc = new Crc32();
        long written = 0;
        int read;
        try
        {
            using var input = entry.Open();
            while ((read = input.Read(buffer)) > 0)
            {
                written += read;
                if (written > allowed)
                    throw Refused(zipPath, $"entry '{entry.FullName}' expands beyond the limits ({o.MaxEntryBytes:N0} bytes per entry, {o.MaxTotalBytes:N0} in all)");
                crc.Append(buffer.AsSpan(0, read));
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(zipPath, entry, e.Message);
        }
        if (written != entry.Length)
            throw Corrupt(zipPath, entry, $"it holds {written:N0} bytes, but the archive declares {entry.Length:N0}");
        if (crc.Value != entry.Crc32)
            throw Corrupt(zipPath, entry, $"its CRC-32 is {crc.Value:x8}, but the archive declares {entry.Crc32:x8}");
        return written;
    }

    private static DataFileException Corrupt(string zipPath, ZipArchiveEntry entry, string what) =>
        new(zipPath, $"{zipPath}: entry '{entry.FullName}' is corrupt or truncated ({what}). Nothing was extracted; download the archive again.");

    private static DataFileException Refused(string zipPath, string what) =>
        new(zipPath, $"{zipPath}: refused: {what}. Nothing was extracted; check where the archive came from.");
}
