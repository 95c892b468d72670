using GanNotebooks.Visualization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace GanNotebooks.Tests.Visualization;

public class ImageGridTests
{
    [Theory]
    [InlineData(64, 8, 2, 28, 28)]
    [InlineData(10, 8, 2, 28, 28)]
    [InlineData(10, 3, 0, 5, 7)]
    [InlineData(7, 7, 5, 4, 4)]
    [InlineData(3, 8, 1, 6, 9)]
    [InlineData(16, 4, 3, 8, 8)]
    public void GridSizeIsTorchvisionsFormula(int n, int nrow, int padding, int h, int w)
    {
        using var images = torch.rand(n, 1, h, w);
        var grid = ImageGrid.ToPixels(images, nrow, padding);
        int cols = Math.Min(nrow, n), rows = (n + cols - 1) / cols;
        Assert.Equal(cols * (w + padding) + padding, grid.Width);
        Assert.Equal(rows * (h + padding) + padding, grid.Height);
        Assert.Equal(1, grid.Channels);
        Assert.Equal(grid.Width * grid.Height, grid.Pixels.Length);
    }

    [Fact]
    public void SingleImageIsTheImageItselfAsInTorchvision()
    {
        using var images = torch.rand(1, 3, 6, 5);
        var grid = ImageGrid.ToPixels(images, padding: 4);
        Assert.Equal((5, 6, 3), (grid.Width, grid.Height, grid.Channels));
    }

    [Fact]
    public void ConstantImagesLandAtTheirOffsetsWithPadValueInTheGaps()
    {
        // Five 3×4 images of values -1, -0.5, 0, 0.5, 1 in a grid of 3 per row, padding 2, mapped from (-1, 1).
        const int h = 3, w = 4, padding = 2, nrow = 3;
        float[] values = [-1f, -0.5f, 0f, 0.5f, 1f];
        using var images = torch.stack(values.Select(v => torch.full(1, h, w, v)).ToArray());
        var grid = ImageGrid.ToPixels(images, nrow, padding, valueRange: (-1, 1), padValue: 0.2);

        byte pad = 51; // round(0.2 × 255)
        byte[] expected = [0, 64, 128, 191, 255]; // floor(255 × (v + 1) / 2 + 0.5), as torchvision's save_image
        var owner = new int[grid.Height, grid.Width];
        for (int y = 0; y < grid.Height; y++)
            for (int x = 0; x < grid.Width; x++)
                owner[y, x] = -1;
        for (int i = 0; i < values.Length; i++)
        {
            int left = padding + (i % nrow) * (w + padding), top = padding + (i / nrow) * (h + padding);
            for (int y = top; y < top + h; y++)
                for (int x = left; x < left + w; x++)
                    owner[y, x] = i;
        }
        for (int y = 0; y < grid.Height; y++)
            for (int x = 0; x < grid.Width; x++)
                Assert.Equal(owner[y, x] < 0 ? pad : expected[owner[y, x]], grid.At(x, y));
    }

    [Fact]
    public void DefaultNormalisationMapsTheBatchMinAndMaxToBlackAndWhite()
    {
        using var images = torch.tensor(new float[] { 3, 5, 7, 9 }).view(4, 1, 1);
        var grid = ImageGrid.ToPixels(images, nrow: 4, padding: 0);
        Assert.Equal(new byte[] { 0, 85, 170, 255 }, grid.Pixels);
    }

    [Fact]
    public void ScaleEachNormalisesEveryImageByItsOwnRange()
    {
        using var images = torch.tensor(new float[] { 0, 1, 10, 30 }).view(2, 1, 1, 2);
        var grid = ImageGrid.ToPixels(images, nrow: 2, padding: 0, scaleEach: true);
        Assert.Equal(new byte[] { 0, 255, 0, 255 }, grid.Pixels);
    }

    [Fact]
    public void WithoutNormalisationValuesAreClampedToZeroOne()
    {
        using var images = torch.tensor(new float[] { -2, 0.5f, 3 }).view(3, 1, 1);
        var grid = ImageGrid.ToPixels(images, nrow: 3, padding: 0, normalize: false);
        Assert.Equal(new byte[] { 0, 128, 255 }, grid.Pixels);
    }

    [Fact]
    public void ColourChannelsAreInterleaved()
    {
        using var images = torch.tensor(new float[] { 0, 0.5f, 1 }).view(1, 3, 1, 1).expand(2, 3, 1, 1);
        var grid = ImageGrid.ToPixels(images, padding: 1, normalize: false, padValue: 1);
        Assert.Equal((5, 3, 3), (grid.Width, grid.Height, grid.Channels));
        Assert.Equal(new byte[] { 0, 128, 255 }, new[] { grid.At(1, 1, 0), grid.At(1, 1, 1), grid.At(1, 1, 2) });
        Assert.Equal(new byte[] { 255, 255, 255 }, new[] { grid.At(2, 1, 0), grid.At(2, 1, 1), grid.At(2, 1, 2) });
    }

    [Fact]
    public void ScaleRepeatsEveryPixel()
    {
        using var images = torch.rand(6, 1, 5, 5);
        var small = ImageGrid.ToPixels(images, nrow: 3);
        var big = ImageGrid.ToPixels(images, nrow: 3, scale: 3);
        Assert.Equal((small.Width * 3, small.Height * 3), (big.Width, big.Height));
        for (int y = 0; y < big.Height; y++)
            for (int x = 0; x < big.Width; x++)
                Assert.Equal(small.At(x / 3, y / 3), big.At(x, y));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void PngDecodesToTheSamePixels(int channels)
    {
        using var images = torch.rand(12, channels, 7, 6).mul(2).sub(1);
        var grid = ImageGrid.ToPixels(images, nrow: 5, valueRange: (-1, 1));
        var png = ImageGrid.ToPng(images, nrow: 5, valueRange: (-1, 1));
        Assert.Equal((grid.Width, grid.Height), (png.Width, png.Height));

        using var decoded = Image.Load<Rgb24>(png.Bytes);
        Assert.Equal((grid.Width, grid.Height), (decoded.Width, decoded.Height));
        for (int y = 0; y < grid.Height; y++)
            for (int x = 0; x < grid.Width; x++)
            {
                var p = decoded[x, y];
                Assert.Equal(grid.At(x, y, 0), p.R);
                Assert.Equal(grid.At(x, y, channels - 1), p.B);
            }
    }

    [Fact]
    public void RadialPatternGridLooksLikeAGrid()
    {
        // 10 discs of growing radius on a -1..1 scale, to look at: /tmp/gan-notebooks-grid.png
        using var scope = torch.NewDisposeScope();
        var coordinates = torch.linspace(-1, 1, 16);
        var radius = torch.sqrt(coordinates.view(1, -1).pow(2) + coordinates.view(-1, 1).pow(2));
        var images = torch.stack(Enumerable.Range(1, 10).Select(i => torch.where(radius < i / 8.0, 1.0f, -1.0f)).ToArray()).unsqueeze(1);
        var png = ImageGrid.ToPng(images, nrow: 4, valueRange: (-1, 1), padValue: 0.5, scale: 3);
        Assert.Equal((3 * (4 * 18 + 2), 3 * (3 * 18 + 2)), (png.Width, png.Height));
        png.Save(Path.Combine(Path.GetTempPath(), "gan-notebooks-grid.png"));
    }

    [Fact]
    public void ThreeDimensionalInputIsABatchOfGreyImages()
    {
        using var images = torch.rand(4, 9, 9);
        var grid = ImageGrid.ToPixels(images, nrow: 2, padding: 2);
        Assert.Equal((24, 24, 1), (grid.Width, grid.Height, grid.Channels));
    }

    [Fact]
    public void LeavesNoTensorsBehind()
    {
        using var images = torch.rand(8, 1, 4, 4);
        // Tensors made inside ImageGrid without its own dispose scope would be registered in this one.
        using var outer = torch.NewDisposeScope();
        ImageGrid.ToPixels(images, nrow: 3, scaleEach: true, scale: 2);
        ImageGrid.ToPixels(images, nrow: 3, valueRange: (0, 1));
        Assert.Equal(0, outer.DisposablesCount);
    }

    [Theory]
    [InlineData(new long[] { 2, 2, 4, 4 })]
    [InlineData(new long[] { 4, 4 })]
    [InlineData(new long[] { 1, 1, 1, 4, 4 })]
    public void RejectsOtherShapes(long[] shape)
    {
        using var images = torch.rand(shape);
        Assert.Throws<ArgumentException>(() => ImageGrid.ToPixels(images));
    }
}
