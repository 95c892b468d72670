using System.Buffers.Binary;
using GanNotebooks.Data;
using GanNotebooks.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Data;

public class IdxChannelImagesTests
{
    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 13 % 256)).ToArray();

    private static DataFileException ReadExpectingFailure(TempFolder temp, byte[] content)
    {
        var path = temp.File("bad.idx4-ubyte");
        File.WriteAllBytes(path, content);
        var error = Assert.Throws<DataFileException>(() => IdxReader.ReadChannelImages(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("export the samples again", error.Message);
        return error;
    }

    private static byte[] ValidFile(int count, int channels, int rows, int cols)
    {
        using var temp = new TempFolder();
        var path = temp.File("valid.idx4-ubyte");
        IdxWriter.WriteChannelImages(path, Pattern(count * channels * rows * cols), count, channels, rows, cols);
        return File.ReadAllBytes(path);
    }

    [Theory]
    [InlineData("samples.idx4-ubyte")]
    [InlineData("samples-idx4-ubyte.gz")]
    public void Channel_images_round_trip_with_the_idx4_header(string name)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        var pixels = Pattern(4 * 3 * 5 * 6);
        IdxWriter.WriteChannelImages(path, pixels, 4, 3, 5, 6);

        var images = IdxReader.ReadChannelImages(path);

        Assert.Equal((4, 3, 5, 6), (images.Count, images.Channels, images.Rows, images.Columns));
        Assert.Equal(pixels, images.Pixels);
        if (!name.EndsWith(".gz"))
        {
            var raw = File.ReadAllBytes(path);
            Assert.Equal(20 + pixels.Length, raw.Length);
            Assert.Equal(0x00000804, BinaryPrimitives.ReadInt32BigEndian(raw));
            Assert.Equal(new[] { 4, 3, 5, 6 }, Enumerable.Range(1, 4).Select(i => BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(4 * i))));
        }
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Stacked_samples_round_trip_through_sample_export_as_bytes()
    {
        using var temp = new TempFolder();
        var path = temp.File(SampleExport.ChannelSamplesFileName);
        using var images = rand(7, 3, 28, 28, generator: new Generator(3)).mul(2.4).sub(1.2);

        var written = SampleExport.WriteChannelImages(images, path);
        using var back = SampleExport.ReadChannelImages(path);

        Assert.Equal(new long[] { 7, 3, 28, 28 }, back.shape);
        Assert.Equal(7 * 3 * 28 * 28 + 20, new FileInfo(path).Length);
        using var expected = images.clamp(-1, 1);
        Assert.True(back.sub(expected).abs().max().item<float>() <= 1 / 255.0 + 1e-6, "a byte step is 2/255, so rounding is off by at most 1/255");
        Assert.Equal(written, IdxReader.ReadChannelImages(path).Pixels);
        var second = temp.File("again.idx4-ubyte");
        SampleExport.WriteChannelImages(back, second);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(second));
    }

    [Fact]
    public void An_idx3_file_read_as_channel_images_says_what_it_is()
    {
        using var temp = new TempFolder();
        var path = temp.File("samples.idx3-ubyte");
        IdxWriter.WriteImages(path, Pattern(2 * 28 * 28), 2, 28, 28);

        var error = Assert.Throws<DataFileException>(() => IdxReader.ReadChannelImages(path));

        Assert.Contains("wrong magic number 0x00000803 (expected 0x00000804", error.Message);
        Assert.Contains("this is an IDX image file", error.Message);
    }

    [Fact]
    public void A_channel_file_read_as_idx3_images_says_what_it_is()
    {
        using var temp = new TempFolder();
        var path = temp.File("samples.idx4-ubyte");
        File.WriteAllBytes(path, ValidFile(2, 3, 4, 4));

        var error = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(path));

        Assert.Contains("wrong dimension count 4", error.Message);
        Assert.Contains("this is a four-dimensional IDX image file", error.Message);
    }

    [Fact]
    public void Truncated_pixels_are_named()
    {
        using var temp = new TempFolder();
        var valid = ValidFile(2, 3, 4, 4);

        var error = ReadExpectingFailure(temp, valid[..^5]);

        Assert.Contains("truncated: expected 96 bytes of pixels, found 91", error.Message);
    }

    [Fact]
    public void Truncated_header_is_named()
    {
        using var temp = new TempFolder();

        var error = ReadExpectingFailure(temp, ValidFile(2, 3, 4, 4)[..18]);

        Assert.Contains("ends inside the 20-byte IDX header", error.Message);
    }

    [Fact]
    public void Trailing_bytes_are_named()
    {
        using var temp = new TempFolder();

        var error = ReadExpectingFailure(temp, [.. ValidFile(2, 3, 4, 4), 1, 2, 3]);

        Assert.Contains("3 trailing bytes after the 96 bytes of pixels", error.Message);
    }

    [Fact]
    public void Implausible_channel_count_is_named()
    {
        using var temp = new TempFolder();
        var bytes = ValidFile(2, 3, 4, 4);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 0);

        var error = ReadExpectingFailure(temp, bytes);

        Assert.Contains("implausible channels 0 in the header (expected 1 to 64)", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named_with_the_fix()
    {
        using var temp = new TempFolder();
        var path = temp.File("nothing.idx4-ubyte");

        var error = Assert.Throws<DataFileException>(() => IdxReader.ReadChannelImages(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("file not found; export the samples first", error.Message);
    }

    [Fact]
    public void Writer_rejects_pixels_that_do_not_fit_the_dimensions()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<ArgumentException>(() => IdxWriter.WriteChannelImages(temp.File("x.idx4-ubyte"), new byte[10], 1, 3, 2, 2));

        Assert.Contains("10 pixel bytes do not make 1 images of 3×2×2", error.Message);
        Assert.False(File.Exists(temp.File("x.idx4-ubyte")));
    }
}
