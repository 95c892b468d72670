using System.IO.Compression;
using GanNotebooks.Data;
using GanNotebooks.Data.Archives;
using GanNotebooks.Data.ImageFolders;
using GanNotebooks.Tests.IO;

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

    // Rewrites the CRC-32 and uncompressed size of every entry, in its local header and in the central directory.
    private static void Lie(string zip, uint? crc, uint? size)
    {
        var bytes = File.ReadAllBytes(zip);
        void Patch(byte[] signature, int crcOffset, int sizeOffset)
        {
            for (int at = bytes.AsSpan().IndexOf(signature); at >= 0;)
            {
                if (crc is { } c) BitConverter.TryWriteBytes(bytes.AsSpan(at + crcOffset), c);
                if (size is { } s) BitConverter.TryWriteBytes(bytes.AsSpan(at + sizeOffset), s);
                var next = bytes.AsSpan(at + 4).IndexOf(signature);
                at = next < 0 ? -1 : at + 4 + next;
            }
        }
        Patch([0x50, 0x4B, 0x03, 0x04], 14, 22);
        Patch([0x50, 0x4B, 0x01, 0x02], 16, 24);
        File.WriteAllBytes(zip, bytes);
    }

    [Theory]
    [InlineData(0x12345678u, null, "its CRC-32 is")]
    [InlineData(null, 100u, "its CRC-32 is")]   // the decompressor stops at the declared size: the checksum shows the cut
    [InlineData(0x12345678u, 100u, "its CRC-32 is")]
    [InlineData(null, 20_000u, "it holds 10,240 bytes, but the archive's directory says 20,000")]
    public void Entries_whose_declared_size_or_checksum_lie_are_refused_and_nothing_is_left(uint? crc, uint? size, string expected)
    {
        using var folder = new TempFolder();
        var data = Enumerable.Range(0, 10_240).Select(i => (byte)(i * 7 % 251)).ToArray();
        var zip = Zip(folder, ("faces/a.jpg", data));
        Lie(zip, crc, size);

        var error = Assert.Throws<DataFileException>(() => SafeZipExtractor.Extract(zip, folder.File("out")));

        Assert.StartsWith($"{zip}: entry 'faces/a.jpg' is corrupt (", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Equal([zip], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_name_that_appears_twice_is_refused_naming_the_archive_and_the_entry()
    {
        using var folder = new TempFolder();
        var zip = Zip(folder, ("faces/a.jpg", [1]), ("faces/b.jpg", [2]), ("faces/a.jpg", [3]));

        var error = Assert.Throws<DataFileException>(() => SafeZipExtractor.Extract(zip, folder.File("out")));

        Assert.Equal($"{zip}: refused: entry 'faces/a.jpg' appears more than once (a second copy would replace the first). "
            + "Nothing was extracted; check where the archive came from.", error.Message);
        Assert.DoesNotContain(".extracting", error.Message);
        Assert.Equal([zip], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_lying_CelebA_zip_imported_without_verification_leaves_the_data_folder_as_it_was()
    {
        using var folder = new TempFolder();
        var zip = Zip(folder, ("img_align_celeba/000001.jpg", new byte[5000]));
        Lie(zip, crc: null, size: 10);
        var data = folder.File("data");

        var error = Assert.Throws<DataFileException>(() => CelebAFaces.ImportZip(zip, data, verify: false));

        Assert.Contains("'img_align_celeba/000001.jpg' is corrupt", error.Message);
        Assert.Equal([zip], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_named_pipe_given_as_the_zip_is_refused_without_opening_it()
    {
        using var folder = new TempFolder();
        SpecialFiles.MakeNamedPipe(folder.File("faces.zip"));

        var error = Assert.Throws<DataFileException>(() => CelebAFaces.ImportZip(folder.File("faces.zip"), folder.File("data"), verify: false));

        Assert.Equal($"{folder.File("faces.zip")} is a named pipe (FIFO), not a file; give the path of img_align_celeba.zip itself.", error.Message);
        Assert.False(Directory.Exists(folder.File("data")));
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
