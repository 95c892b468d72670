using GanNotebooks.Visualization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GanNotebooks.Tests.Visualization;

public class GridPixelsTests
{
    [Fact]
    public void GreyPngRoundTrips()
    {
        var pixels = new GridPixels([0, 50, 100, 150, 200, 250], 3, 2, 1);
        var png = pixels.ToPng();
        Assert.Equal((3, 2), (png.Width, png.Height));
        using var decoded = Image.Load<L8>(png.Bytes);
        Assert.Equal(150, decoded[0, 1].PackedValue);
        Assert.Equal(250, decoded[2, 1].PackedValue);
    }

    [Fact]
    public void AtReadsInterleavedChannels()
    {
        var pixels = new GridPixels([1, 2, 3, 4, 5, 6], 2, 1, 3);
        Assert.Equal(5, pixels.At(1, 0, 1));
    }

    [Theory]
    [InlineData(5, 2, 2, 1)]
    [InlineData(4, 2, 1, 2)]
    [InlineData(2, 1, 1, 2)]
    public void RejectsInconsistentBuffers(int length, int width, int height, int channels)
    {
        var pixels = new GridPixels(new byte[length], width, height, channels);
        Assert.Throws<ArgumentException>(() => pixels.ToPng());
    }
}
