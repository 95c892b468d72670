using System.Buffers.Binary;
using System.IO.Compression;
using GanNotebooks.Data;

namespace GanNotebooks.Tests.Data;

public class IdxReaderTests
{
    private static byte[] ImageFile(int magic, int count, int rows, int cols, int payload)
    {
        var bytes = new byte[16 + payload];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        for (var i = 16; i < bytes.Length; i++)
            bytes[i] = (byte)i;
        return bytes;
    }

    private static byte[] Gzip(byte[] raw)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(raw);
        return memory.ToArray();
    }

    private static DataFileException ReadImagesExpectingFailure(TempFolder temp, byte[] content, string name = "bad-idx3-ubyte")
    {
        var path = temp.File(name);
        File.WriteAllBytes(path, content);
        var error = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("./gan data fetch", error.Message);
        return error;
    }

    [Fact]
    public void Wrong_magic_number_is_named()
    {
        using var temp = new TempFolder();
        var error = ReadImagesExpectingFailure(temp, ImageFile(0x12345678, 1, 2, 2, 4));
        Assert.Contains("wrong magic number 0x12345678 (expected 0x00000803 for an IDX image file)", error.Message);
    }

    [Fact]
    public void Label_file_read_as_images_says_so()
    {
        using var temp = new TempFolder();
        var labels = temp.File("labels-idx1-ubyte");
        IdxWriter.WriteLabels(labels, new byte[20]);
        var error = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(labels));
        Assert.Contains("this is an IDX label file", error.Message);
    }

    [Fact]
    public void Image_file_read_as_labels_is_rejected()
    {
        using var temp = new TempFolder();
        var images = temp.File("images-idx3-ubyte");
        IdxWriter.WriteImages(images, new byte[4], 1, 2, 2);
        var error = Assert.Throws<DataFileException>(() => IdxReader.ReadLabels(images));
        Assert.Contains("expected 0x00000801 for an IDX label file", error.Message);
    }

    [Fact]
    public void Wrong_dimension_count_is_named()
    {
        using var temp = new TempFolder();
        var error = ReadImagesExpectingFailure(temp, ImageFile(0x00000804, 1, 2, 2, 4));
        Assert.Contains("wrong dimension count 4", error.Message);
    }

    [Theory]
    [InlineData(0, 28, 28)]
    [InlineData(10_000_001, 28, 28)]
    [InlineData(10, 4097, 28)]
    [InlineData(10, 28, -1)]
    [InlineData(10_000_000, 4096, 4096)]
    public void Absurd_dimensions_are_rejected_without_allocating(int count, int rows, int cols)
    {
        using var temp = new TempFolder();
        var content = ImageFile(IdxFormat.ImageMagic, count, rows, cols, 100);
        foreach (var (name, bytes) in new[] { ("raw-idx3-ubyte", content), ("gz-idx3-ubyte.gz", Gzip(content)) })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var error = ReadImagesExpectingFailure(temp, bytes, name);
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4_000_000, "allocated a big buffer");
            Assert.Matches("implausible|size mismatch|truncated", error.Message);
        }
    }

    [Fact]
    public void Huge_count_with_a_small_raw_file_is_rejected_before_allocating()
    {
        using var temp = new TempFolder();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = ReadImagesExpectingFailure(temp, ImageFile(IdxFormat.ImageMagic, 2_000_000, 28, 28, 784));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4_000_000, "allocated a big buffer");
        Assert.Contains("truncated: expected 1,568,000,000 bytes of pixels, found 784", error.Message);
    }

    [Fact]
    public void Truncated_raw_pixels_are_reported_with_both_lengths()
    {
        using var temp = new TempFolder();
        var error = ReadImagesExpectingFailure(temp, ImageFile(IdxFormat.ImageMagic, 3, 2, 2, 10));
        Assert.Contains("truncated: expected 12 bytes of pixels, found 10", error.Message);
    }

    [Fact]
    public void Truncated_header_is_reported()
    {
        using var temp = new TempFolder();
        var error = ReadImagesExpectingFailure(temp, ImageFile(IdxFormat.ImageMagic, 3, 2, 2, 0)[..10]);
        Assert.Contains("ends inside the 16-byte IDX header", error.Message);
    }

    [Fact]
    public void Trailing_raw_bytes_are_reported()
    {
        using var temp = new TempFolder();
        var error = ReadImagesExpectingFailure(temp, ImageFile(IdxFormat.ImageMagic, 3, 2, 2, 15));
        Assert.Contains("3 trailing bytes after the 12 bytes of pixels", error.Message);
    }

    [Fact]
    public void Trailing_bytes_inside_gzip_are_reported()
    {
        using var temp = new TempFolder();
        var error = ReadImagesExpectingFailure(temp, Gzip(ImageFile(IdxFormat.ImageMagic, 3, 2, 2, 15)), "x-idx3-ubyte.gz");
        Assert.Matches("trailing bytes|size mismatch", error.Message);
    }

    [Fact]
    public void Truncated_gzip_payload_is_reported()
    {
        using var temp = new TempFolder();
        var error = ReadImagesExpectingFailure(temp, Gzip(ImageFile(IdxFormat.ImageMagic, 3, 2, 2, 10)), "x-idx3-ubyte.gz");
        Assert.Matches("truncated|size mismatch", error.Message);
    }

    [Fact]
    public void Gzip_stream_cut_short_is_rejected()
    {
        using var temp = new TempFolder();
        var whole = Gzip(ImageFile(IdxFormat.ImageMagic, 50, 28, 28, 50 * 784));
        foreach (var cut in new[] { 4, 8, whole.Length / 2 })
            ReadImagesExpectingFailure(temp, whole[..^cut], $"cut{cut}-idx3-ubyte.gz");
    }

    [Fact]
    public void Gzip_with_a_bad_crc_is_rejected()
    {
        using var temp = new TempFolder();
        var gz = Gzip(ImageFile(IdxFormat.ImageMagic, 50, 28, 28, 50 * 784));
        gz[^8] ^= 0xFF; // first byte of the CRC-32 in the gzip trailer
        var error = ReadImagesExpectingFailure(temp, gz, "crc-idx3-ubyte.gz");
        Assert.Contains("corrupt gzip stream", error.Message);
    }

    [Fact]
    public void Gzip_with_corrupted_compressed_data_is_rejected()
    {
        using var temp = new TempFolder();
        var gz = Gzip(ImageFile(IdxFormat.ImageMagic, 50, 28, 28, 50 * 784));
        for (var i = 20; i < 60; i++)
            gz[i] ^= 0x5A;
        ReadImagesExpectingFailure(temp, gz, "flip-idx3-ubyte.gz");
    }

    [Fact]
    public void Missing_file_is_a_data_file_exception()
    {
        using var temp = new TempFolder();
        var path = temp.File("absent-idx3-ubyte.gz");
        var error = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(path));
        Assert.Contains("not found", error.Message);
    }
}
