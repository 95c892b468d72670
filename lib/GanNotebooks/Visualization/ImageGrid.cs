using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Visualization;

/// <summary>
/// Lays a batch of images out in a grid, like torchvision's <c>make_grid</c> followed by <c>save_image</c>: a grid
/// of <c>ceil(N / nrow)</c> rows and <c>min(nrow, N)</c> columns, <c>padding</c> pixels around and between the
/// images, so the grid is <c>cols × (W + padding) + padding</c> wide and <c>rows × (H + padding) + padding</c> high
/// (a batch of one image is the image itself, as in torchvision). Values are mapped to 0..1 (see
/// <c>normalize</c> on <see cref="ToPixels"/>), then to bytes as <c>round(255 × v)</c>, clamped.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class ImageGrid
{
    /// <summary>Lays the images out as a grid and encodes it as a PNG. The arguments are those of <see cref="ToPixels"/>.</summary>
    /// <param name="images">[N, C, H, W] with C = 1 or 3, or [N, H, W] for grey images.</param>
    /// <param name="nrow">Images per row.</param>
    /// <param name="padding">Pixels around and between the images.</param>
    /// <param name="normalize">Map values to 0..1 first (the batch's min..max, or <paramref name="valueRange"/>).</param>
    /// <param name="valueRange">The values that become black and white, e.g. (-1, 1) for a Tanh generator.</param>
    /// <param name="scaleEach">Normalise every image by its own min..max.</param>
    /// <param name="padValue">The padding's value in 0..1 (0 black, 1 white).</param>
    /// <param name="scale">Whole-number upscaling of the finished grid, nearest neighbour, for display.</param>
    public static PngImage ToPng(
        Tensor images, int nrow = 8, int padding = 2, bool normalize = true,
        (double Min, double Max)? valueRange = null, bool scaleEach = false, double padValue = 0, int scale = 1) =>
        ToPixels(images, nrow, padding, normalize, valueRange, scaleEach, padValue, scale).ToPng();

    /// <summary>Lays the images out as a grid and returns its pixels (1 channel for grey images, 3 for colour).</summary>
    /// <param name="images">[N, C, H, W] with C = 1 or 3, or [N, H, W] for grey images; any device and float type.</param>
    /// <param name="nrow">Images per row (torchvision's <c>nrow</c>), at least 1.</param>
    /// <param name="padding">Pixels around and between the images, at least 0.</param>
    /// <param name="normalize">
    /// Map values to 0..1 first: the batch's min..max (or each image's, with <paramref name="scaleEach"/>), or
    /// <paramref name="valueRange"/> with values outside it clamped. Without it values are taken as already in 0..1.
    /// </param>
    /// <param name="valueRange">The values that become black and white, e.g. (-1, 1) for a Tanh generator.</param>
    /// <param name="scaleEach">Normalise every image by its own min..max (ignored when a value range is given).</param>
    /// <param name="padValue">The padding's value in 0..1 (0 black, 1 white).</param>
    /// <param name="scale">Whole-number upscaling of the finished grid, nearest neighbour, for display; at least 1.</param>
    public static GridPixels ToPixels(
        Tensor images, int nrow = 8, int padding = 2, bool normalize = true,
        (double Min, double Max)? valueRange = null, bool scaleEach = false, double padValue = 0, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(nrow, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        using var scope = torch.NewDisposeScope();

        var batch = images.detach().cpu().to(ScalarType.Float32);
        if (batch.dim() == 3)
            batch = batch.unsqueeze(1);
        if (batch.dim() != 4 || batch.shape[1] is not (1 or 3) || batch.shape[0] < 1)
            throw new ArgumentException($"Expected [N, C, H, W] with C = 1 or 3, or [N, H, W]; got [{string.Join(", ", images.shape)}].", nameof(images));
        if (normalize)
            batch = Normalize(batch, valueRange, scaleEach);

        var grid = Layout(batch, nrow, padding, padValue);
        var bytes = grid.mul(255).add(0.5).clamp(0, 255).to(ScalarType.Byte).permute(1, 2, 0).contiguous();
        var pixels = new GridPixels(bytes.data<byte>().ToArray(), (int)grid.shape[2], (int)grid.shape[1], (int)grid.shape[0]);
        return scale == 1 ? pixels : Upscale(pixels, scale);
    }

    private static Tensor Normalize(Tensor batch, (double Min, double Max)? valueRange, bool scaleEach)
    {
        if (valueRange is var (low, high))
            return batch.clamp(low, high).sub(low).div(Math.Max(high - low, 1e-5));
        if (scaleEach)
        {
            var flat = batch.flatten(1);
            var min = flat.amin([1L]).view(-1, 1, 1, 1);
            var max = flat.amax([1L]).view(-1, 1, 1, 1);
            return batch.sub(min).div(max.sub(min).clamp_min(1e-5));
        }
        var lo = batch.min().item<float>();
        var hi = batch.max().item<float>();
        return batch.sub(lo).div(Math.Max(hi - lo, 1e-5));
    }

    private static Tensor Layout(Tensor batch, int nrow, int padding, double padValue)
    {
        long n = batch.shape[0], c = batch.shape[1], h = batch.shape[2], w = batch.shape[3];
        if (n == 1)
            return batch[0];
        long cols = Math.Min(nrow, n);
        long rows = (n + cols - 1) / cols;
        long cellH = h + padding, cellW = w + padding;
        var grid = torch.full([c, (rows * cellH) + padding, (cols * cellW) + padding], padValue, ScalarType.Float32);
        for (long i = 0; i < n; i++)
        {
            long row = i / cols, col = i % cols;
            grid.narrow(1, (row * cellH) + padding, h).narrow(2, (col * cellW) + padding, w).copy_(batch[i]);
        }
        return grid;
    }

    private static GridPixels Upscale(GridPixels source, int scale)
    {
        int width = source.Width * scale, height = source.Height * scale, channels = source.Channels;
        var pixels = new byte[width * height * channels];
        for (int y = 0; y < height; y++)
        {
            var sourceRow = source.Pixels.AsSpan((y / scale) * source.Width * channels, source.Width * channels);
            var row = pixels.AsSpan(y * width * channels, width * channels);
            for (int x = 0; x < width; x++)
                sourceRow.Slice((x / scale) * channels, channels).CopyTo(row.Slice(x * channels, channels));
        }
        return new GridPixels(pixels, width, height, channels);
    }
}
