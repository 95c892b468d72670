using System.IO.Compression;
using GanNotebooks.Data;
using GanNotebooks.Data.Archives;

namespace GanNotebooks.Tests.Data.Archives;

public sealed class SafeZipExtractorTests
{
    private static string Zip(TempFolder folder, params (string Name, byte[] Data)[] entries)
    {
        var path = folder.File($"archive-{Guid.NewGuid():N}.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, data) in entries)
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(data);
        }
        return path;
    }

    [Fact]
    public void A_normal_archive_is_extracted_whole()
    {
        using var folder = new TempFolder();
        var zip = Zip(folder, ("faces/a.jpg", [1, 2, 3]), ("faces/b.jpg", [4]), ("readme.txt", "hi"u8.ToArray()));
        var target = folder.File("out");
        Assert.Equal(3, SafeZipExtractor.Extract(zip, target));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(target, "faces", "a.jpg")));
        Assert.Empty(Directory.GetDirectories(folder.Path, "*.extracting"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("faces/../../escape.txt")]
    [InlineData("/etc/escape.txt")]
    public void Entries_that_escape_the_target_are_refused_and_nothing_is_left(string name)
    {
        using var folder = new TempFolder();
        var zip = Zip(folder, ("faces/ok.jpg", [1]), (name, [2]));
        var target = folder.File("nested", "out");
        var error = Assert.Throws<DataFileException>(() => SafeZipExtractor.Extract(zip, target));
        Assert.Contains("outside the target folder", error.Message);
        Assert.False(Directory.Exists(target));
        Assert.False(File.Exists(folder.File("escape.txt")));
        Assert.Empty(Directory.GetDirectories(folder.File("nested")));
    }

    [Fact]
    public void A_zip_bomb_is_stopped_at_the_limit()
    {
        using var folder = new TempFolder();
        var zip = Zip(folder, ("zeros.bin", new byte[5_000_000]));   // compresses to a few kilobytes
        Assert.True(new FileInfo(zip).Length < 100_000);
        var error = Assert.Throws<DataFileException>(() => SafeZipExtractor.Extract(zip, folder.File("out"), new SafeZipOptions { MaxEntryBytes = 1_000_000 }));
        Assert.Contains("zeros.bin", error.Message);
        Assert.False(Directory.Exists(folder.File("out")));
        error = Assert.Throws<DataFileException>(() => SafeZipExtractor.Extract(zip, folder.File("out"), new SafeZipOptions { MaxTotalBytes = 1_000_000 }));
        Assert.Contains("beyond the limits", error.Message);
    }

    [Fact]
    public void Too_many_entries_and_broken_archives_are_refused()
    {
        using var folder = new TempFolder();
        var zip = Zip(folder, Enumerable.Range(0, 20).Select(i => ($"f{i}.txt", new byte[] { 1 })).ToArray());
        Assert.Contains("20 entries", Assert.Throws<DataFileException>(() => SafeZipExtractor.Extract(zip, folder.File("out"), new SafeZipOptions { MaxEntries = 10 })).Message);
        var broken = folder.File("broken.zip");
        File.WriteAllBytes(broken, File.ReadAllBytes(zip)[..100]);
        Assert.Contains("not a readable zip", Assert.Throws<DataFileException>(() => SafeZipExtractor.Extract(broken, folder.File("out2"))).Message);
    }

    [Fact]
    public void An_existing_target_is_never_overwritten()
    {
        using var folder = new TempFolder();
        var zip = Zip(folder, ("a.txt", [1]));
        Directory.CreateDirectory(folder.File("out"));
        Assert.Throws<IOException>(() => SafeZipExtractor.Extract(zip, folder.File("out")));
    }

    [Fact]
    public void A_changed_byte_in_a_stored_entry_fails_its_crc_and_nothing_is_left()
    {
        using var folder = new TempFolder();
        var path = folder.File("stored.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var stream = archive.CreateEntry("faces/a.jpg", CompressionLevel.NoCompression).Open();
            stream.Write(Enumerable.Range(0, 200).Select(i => (byte)i).ToArray());
        }
        var bytes = File.ReadAllBytes(path);
        int at = bytes.AsSpan().IndexOf(Enumerable.Range(0, 200).Select(i => (byte)i).ToArray());
        bytes[at + 100] ^= 0x01;   // stored: the reader hands the changed byte out unless the CRC is checked
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<DataFileException>(() => SafeZipExtractor.Extract(path, folder.File("out")));
        Assert.Contains($"{path}: entry 'faces/a.jpg' is corrupt (its CRC-32 is", error.Message);
        Assert.False(Directory.Exists(folder.File("out")));
        Assert.Empty(Directory.GetDirectories(folder.Path, "*.extracting"));
    }

    [Fact]
    public void A_damaged_central_directory_is_refused_naming_the_archive()
    {
        using var folder = new TempFolder();
        var zip = Zip(folder, ("faces/a.jpg", [1, 2, 3]), ("faces/b.jpg", [4]));
        var bytes = File.ReadAllBytes(zip);
        // The end record's entry count: the zip reader fails only when it lists the entries.
        bytes[^12] ^= 0x01;
        File.WriteAllBytes(zip, bytes);
        var error = Assert.Throws<DataFileException>(() => SafeZipExtractor.Extract(zip, folder.File("out")));
        Assert.Contains($"{zip}: not a readable zip archive", error.Message);
        Assert.False(Directory.Exists(folder.File("out")));
    }
}
