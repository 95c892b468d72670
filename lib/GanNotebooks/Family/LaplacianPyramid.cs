using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace GanNotebooks.Family;

/// <summary>
/// The Laplacian pyramid LAPGAN builds on (Denton et al. 2015). Down-sampling averages each 2×2 block (28 → 14 → 7);
/// up-sampling doubles the size by bilinear interpolation. Each finer level keeps only its band-pass image, the
/// residual h = x − up(down(x)): what the blurry up-sampled coarse image misses. The coarsest image plus the residuals
/// give the image back exactly, x = up(down(x)) + h, level by level. Introduced in notebook 08-gan-family.
/// </summary>
public static class LaplacianPyramid
{
    /// <summary>Images [batch, channels, size, size] at half the size: each output pixel is the mean of a 2×2 block.</summary>
    public static Tensor Downsample(Tensor images)
    {
        RequireImages(images, nameof(images));
        if (images.shape[2] % 2 != 0 || images.shape[3] % 2 != 0)
            throw new ArgumentException($"down-sampling halves the size, so it must be even; got {images.shape[2]}×{images.shape[3]}.", nameof(images));
        return avg_pool2d(images, 2);
    }

    /// <summary>Images [batch, channels, size, size] at twice the size, by bilinear interpolation (a constant image stays constant).</summary>
    public static Tensor Upsample(Tensor images)
    {
        RequireImages(images, nameof(images));
        return interpolate(images, [images.shape[2] * 2, images.shape[3] * 2], mode: InterpolationMode.Bilinear, align_corners: false);
    }

    /// <summary>
    /// The pyramid of <paramref name="images"/> [batch, channels, size, size] with <paramref name="levels"/> levels
    /// (3 for MNIST: 28, 14, 7). The size must halve evenly levels − 1 times.
    /// </summary>
    public static LaplacianPyramidLevels Build(Tensor images, int levels = 3)
    {
        RequireImages(images, nameof(images));
        if (levels < 2) throw new ArgumentOutOfRangeException(nameof(levels), levels, "a pyramid needs at least 2 levels");
        long divisor = 1L << (levels - 1);
        if (images.shape[2] % divisor != 0 || images.shape[3] % divisor != 0)
            throw new ArgumentException($"{levels} levels halve the size {levels - 1} times, so it must be a multiple of {divisor}; got {images.shape[2]}×{images.shape[3]}.", nameof(levels));
        using var scope = NewDisposeScope();
        var residuals = new List<Tensor>();
        var current = images;
        for (int level = 1; level < levels; level++)
        {
            var coarser = Downsample(current);
            residuals.Add(current - Upsample(coarser));
            current = coarser;
        }
        residuals.Reverse();
        foreach (var r in residuals) r.MoveToOuterDisposeScope();
        return new LaplacianPyramidLevels(current.MoveToOuterDisposeScope(), residuals);
    }

    /// <summary>
    /// Every level's image, coarsest first: the coarsest image, then up(previous) + residual for each finer level. The
    /// last is the full-size image. <paramref name="residuals"/> are ordered coarse to fine, as in <see cref="LaplacianPyramidLevels"/>.
    /// </summary>
    public static IReadOnlyList<Tensor> ReconstructLevels(Tensor coarsest, IReadOnlyList<Tensor> residuals)
    {
        RequireImages(coarsest, nameof(coarsest));
        using var scope = NewDisposeScope();
        var images = new List<Tensor> { coarsest.alias() };
        for (int i = 0; i < residuals.Count; i++)
        {
            var up = Upsample(images[^1]);
            if (!up.shape.SequenceEqual(residuals[i].shape))
                throw new ArgumentException($"residual {i} has shape [{string.Join(", ", residuals[i].shape)}] but the up-sampled image above it has [{string.Join(", ", up.shape)}].", nameof(residuals));
            images.Add(up + residuals[i]);
        }
        foreach (var image in images) image.MoveToOuterDisposeScope();
        return images;
    }

    /// <summary>The full-size image from the coarsest image and the residuals (coarse to fine).</summary>
    public static Tensor Reconstruct(Tensor coarsest, IReadOnlyList<Tensor> residuals)
    {
        var levels = ReconstructLevels(coarsest, residuals);
        for (int i = 0; i < levels.Count - 1; i++) levels[i].Dispose();
        return levels[^1];
    }

    private static void RequireImages(Tensor images, string name)
    {
        if (images.dim() != 4)
            throw new ArgumentException($"expected images [batch, channels, height, width], got [{string.Join(", ", images.shape)}].", name);
    }
}
