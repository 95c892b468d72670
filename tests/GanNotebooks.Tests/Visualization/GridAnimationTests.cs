using GanNotebooks.Visualization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace GanNotebooks.Tests.Visualization;

public class GridAnimationTests
{
    [Fact]
    public void GifHasOneFramePerGridAndLoops()
    {
        var animation = new GridAnimation(frameDelayMs: 200, lastFrameDelayMs: 1000);
        for (int step = 0; step < 5; step++)
        {
            using var images = torch.full(16, 1, 8, 8, step / 4.0f);
            animation.Add(ImageGrid.ToPixels(images, nrow: 4, normalize: false, scale: 2));
        }
        var gif = animation.ToGif();

        Assert.Equal(5, gif.FrameCount);
        using var decoded = Image.Load<Rgb24>(gif.Bytes);
        Assert.Equal(5, decoded.Frames.Count);
        Assert.Equal((gif.Width, gif.Height), (decoded.Width, decoded.Height));
        Assert.Equal(0, decoded.Metadata.GetGifMetadata().RepeatCount);
        Assert.Equal(20, decoded.Frames[0].Metadata.GetGifMetadata().FrameDelay);
        Assert.Equal(100, decoded.Frames[4].Metadata.GetGifMetadata().FrameDelay);
        // The inside of the first image of the last frame is white, of the first frame black.
        Assert.Equal(255, decoded.Frames[4][6, 6].R);
        Assert.Equal(0, decoded.Frames[0][6, 6].R);
    }

    [Fact]
    public void ColourFramesKeepTheirColours()
    {
        var animation = new GridAnimation();
        animation.Add(new GridPixels([255, 0, 0, 0, 0, 255], 2, 1, 3));
        animation.Add(new GridPixels([0, 255, 0, 0, 0, 255], 2, 1, 3));
        using var decoded = Image.Load<Rgb24>(animation.ToGif().Bytes);
        Assert.Equal(new Rgb24(255, 0, 0), decoded.Frames[0][0, 0]);
        Assert.Equal(new Rgb24(0, 255, 0), decoded.Frames[1][0, 0]);
        Assert.Equal(new Rgb24(0, 0, 255), decoded.Frames[1][1, 0]);
    }

    [Fact]
    public void KeepsOnlyTheNewestFrames()
    {
        var animation = new GridAnimation(maxFrames: 3);
        for (byte i = 0; i < 5; i++)
            animation.Add(new GridPixels([i], 1, 1, 1));
        Assert.Equal(3, animation.Count);
        using var decoded = Image.Load<Rgb24>(animation.ToGif().Bytes);
        Assert.Equal(2, decoded.Frames[0][0, 0].R);
    }

    [Fact]
    public void RejectsFramesOfAnotherSize()
    {
        var animation = new GridAnimation();
        animation.Add(new GridPixels(new byte[4], 2, 2, 1));
        Assert.Throws<ArgumentException>(() => animation.Add(new GridPixels(new byte[6], 3, 2, 1)));
        Assert.Throws<ArgumentException>(() => animation.Add(new GridPixels(new byte[12], 2, 2, 3)));
    }

    [Fact]
    public void EmptyAnimationCannotBeEncoded() =>
        Assert.Throws<InvalidOperationException>(() => new GridAnimation().ToGif());
}
