using GanNotebooks.Data;

namespace GanNotebooks.Tests.Data;

public class IdxWriterTests
{
    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 256)).ToArray();

    [Theory]
    [InlineData("images.idx3-ubyte")]
    [InlineData("images-idx3-ubyte.gz")]
    public void Images_round_trip(string name)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        var pixels = Pattern(5 * 3 * 4);
        IdxWriter.WriteImages(path, pixels, 5, 3, 4);

        var images = IdxReader.ReadImages(path);

        Assert.Equal((5, 3, 4), (images.Count, images.Rows, images.Columns));
        Assert.Equal(pixels, images.Pixels);
        Assert.Equal(pixels.AsSpan(12, 12).ToArray(), images.Image(1).ToArray());
        Assert.Equal(name.EndsWith(".gz"), IdxReader.IsGzip(path));
    }

    [Theory]
    [InlineData("labels.idx1-ubyte")]
    [InlineData("labels-idx1-ubyte.gz")]
    public void Labels_round_trip(string name)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        var labels = new byte[] { 0, 1, 2, 9, 5, 5 };
        IdxWriter.WriteLabels(path, labels);

        Assert.Equal(labels, IdxReader.ReadLabels(path));
    }

    [Fact]
    public void Raw_image_file_has_the_canonical_layout()
    {
        using var temp = new TempFolder();
        var path = temp.File("samples.idx3-ubyte");
        IdxWriter.WriteImages(path, [1, 2, 3, 4], 1, 2, 2);

        Assert.Equal(new byte[] { 0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void Wrong_pixel_count_is_refused_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var path = temp.File("samples.idx3-ubyte");

        Assert.Throws<ArgumentException>(() => IdxWriter.WriteImages(path, new byte[5], 1, 2, 2));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
