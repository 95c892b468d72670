using System.IO.Compression;
using System.Text;
using GanNotebooks.Data.Archives;

namespace GanNotebooks.Tests.Data.Archives;

public sealed class ZipEntryNamesTests
{
    private static byte[] Zip(IEnumerable<(string Name, byte[] Data)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        var bytes = new MemoryStream();
        using (var archive = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var stream = archive.CreateEntry(name, level).Open();
                stream.Write(data);
            }
        return bytes.ToArray();
    }

    private static int EntryCount(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Count;
    }

    [Fact]
    public void An_intact_archive_passes()
    {
        var zip = Zip([("faces/a.jpg", [1, 2, 3]), ("faces/b.jpg", [4]), ("readme.txt", "hi"u8.ToArray())]);
        ZipEntryNames.Check(new MemoryStream(zip), EntryCount(zip));
    }

    [Fact]
    public void A_name_changed_in_the_central_directory_only_is_named_with_both_spellings()
    {
        var zip = Zip([("faces/000001.jpg", [1, 2, 3]), ("faces/000002.jpg", [4])]);
        // The directory's copy of the second name comes last in the file (before the end record and nothing else).
        int at = Encoding.ASCII.GetString(zip).LastIndexOf("faces/000002.jpg", StringComparison.Ordinal);
        zip[at + 11] = (byte)'7';
        var error = Assert.Throws<InvalidDataException>(() => ZipEntryNames.Check(new MemoryStream(zip), EntryCount(zip)));
        Assert.Contains("entry 'faces/000007.jpg' is called 'faces/000002.jpg' in its local header", error.Message);
    }

    [Fact]
    public void A_zip64_archive_of_more_than_65535_entries_passes()
    {
        var zip = Zip(Enumerable.Range(0, 65_600).Select(i => ($"f/{i}", Array.Empty<byte>())), CompressionLevel.NoCompression);
        Assert.True(Encoding.ASCII.GetString(zip).Contains("PK\u0006\u0006"), "the writer did not make a ZIP64 archive");
        ZipEntryNames.Check(new MemoryStream(zip), EntryCount(zip));
    }

    [Fact]
    public void A_truncated_directory_is_invalid_data_not_an_end_of_stream()
    {
        var zip = Zip([("a.txt", [1, 2, 3])]);
        int count = EntryCount(zip);
        var cut = zip[..^30];
        Assert.Throws<InvalidDataException>(() => ZipEntryNames.Check(new MemoryStream(cut), count));
    }
}
