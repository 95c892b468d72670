using SkiaSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Data.ImageFolders;

/// <summary>
/// Reads a folder of pictures (a user's own photos, CelebA's aligned faces) into training images: each file is
/// checked (size, then the decoder's header: dimensions) before any pixels are decoded, decoded with SkiaSharp
/// (JPEG incl. CMYK, PNG incl. 16-bit, palette and alpha, BMP, WebP, GIF), composited over black, centre-cropped to
/// a square and resized. Files are decoded in parallel; a file that is not a picture, is empty, truncated or too
/// large is skipped and reported, never half-used. Introduced in notebook 04-dcgan.
/// </summary>
public static class ImageFolder
{
    /// <summary>Reads the pictures under <paramref name="folder"/> as <paramref name="options"/> say.</summary>
    public static ImageFolderData Load(string folder, ImageFolderOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        var o = (options ?? new ImageFolderOptions()).Validate();
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No folder {folder}: point the loader at a folder of images (JPEG, PNG).");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => o.Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        if (o.Limit is { } limit) files = files.Take(limit).ToList();
        int pixels = o.Channels * o.Size * o.Size, done = 0;
        var decoded = new byte[]?[files.Count];
        var reasons = new string?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            (decoded[i], reasons[i]) = Decode(files[i], o);
            int count = Interlocked.Increment(ref done);
            if (count % 500 == 0 || count == files.Count) progress?.Report(count);
        });
        var kept = Enumerable.Range(0, files.Count).Where(i => decoded[i] is not null).ToList();
        if (kept.Count == 0)
            throw new InvalidDataException($"No readable image in {folder} ({files.Count} candidate files" +
                (files.Count > 0 ? $"; first problem: {Path.GetFileName(files[0])}: {reasons[0]}" : "") + ").");
        var values = new float[kept.Count * pixels];
        for (int k = 0; k < kept.Count; k++)
        {
            var source = decoded[kept[k]]!;
            for (int j = 0; j < pixels; j++) values[k * pixels + j] = source[j] / 127.5f - 1f;
        }
        var skipped = Enumerable.Range(0, files.Count).Where(i => decoded[i] is null).Select(i => new SkippedImage(files[i], reasons[i]!)).ToList();
        return new ImageFolderData(tensor(values, [kept.Count, o.Channels, o.Size, o.Size]), kept.Select(i => files[i]).ToList(), skipped);
    }

    /// <summary>One file to [C, size, size] bytes, or null and the reason it cannot be used.</summary>
    internal static (byte[]? Pixels, string? Reason) Decode(string path, ImageFolderOptions o)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length == 0) return (null, "empty file");
            if (length > o.MaxFileBytes) return (null, $"{length:N0} bytes, more than the {o.MaxFileBytes:N0} allowed");
            using var stream = File.OpenRead(path);
            using var codec = SKCodec.Create(stream, out var opened);
            if (codec is null) return (null, $"not a picture the decoder knows ({opened})");
            var (width, height) = (codec.Info.Width, codec.Info.Height);
            if (width <= 0 || height <= 0 || width > o.MaxSide || height > o.MaxSide)
                return (null, $"{width}×{height} pixels, outside 1..{o.MaxSide} a side");
            var full = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var bitmap = new SKBitmap(full);
            var result = codec.GetPixels(full, bitmap.GetPixels());
            if (result == SKCodecResult.IncompleteInput) return (null, "truncated (the decoder ran out of data)");
            if (result != SKCodecResult.Success) return (null, $"could not be decoded ({result})");
            return (SquareResized(bitmap, o.Size, o.Channels), null);
        }
        catch (IOException e)
        {
            return (null, $"could not be read ({e.Message})");
        }
        catch (UnauthorizedAccessException e)
        {
            return (null, $"could not be read ({e.Message})");
        }
    }

    private static byte[] SquareResized(SKBitmap bitmap, int size, int channels)
    {
        int side = Math.Min(bitmap.Width, bitmap.Height);
        var crop = SKRectI.Create((bitmap.Width - side) / 2, (bitmap.Height - side) / 2, side, side);
        using var square = new SKBitmap();
        if (!bitmap.ExtractSubset(square, crop)) throw new InvalidOperationException("centre crop failed");
        using var resized = square.Resize(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("resize failed");
        var rgba = resized.GetPixelSpan();
        var result = new byte[channels * size * size];
        int plane = size * size;
        for (int p = 0; p < plane; p++)
        {
            byte r = rgba[p * 4], g = rgba[p * 4 + 1], b = rgba[p * 4 + 2];
            if (channels == 3)
            {
                result[p] = r;
                result[plane + p] = g;
                result[2 * plane + p] = b;
            }
            else
            {
                result[p] = (byte)Math.Round(0.299 * r + 0.587 * g + 0.114 * b);
            }
        }
        return result;
    }
}
