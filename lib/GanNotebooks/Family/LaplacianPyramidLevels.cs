using static TorchSharp.torch;

namespace GanNotebooks.Family;

/// <summary>
/// A batch's Laplacian pyramid: the coarsest (low-pass) images and the band-pass residuals of every finer level,
/// ordered coarse to fine (for MNIST: 7×7 images, then 14×14 and 28×28 residuals). Made by
/// <see cref="LaplacianPyramid.Build"/>. Introduced in notebook 08-gan-family.
/// </summary>
/// <param name="Coarsest">The smallest images [batch, channels, s, s].</param>
/// <param name="Residuals">Band-pass images, coarse to fine; level i is twice the size of level i − 1.</param>
public sealed record LaplacianPyramidLevels(Tensor Coarsest, IReadOnlyList<Tensor> Residuals) : IDisposable
{
    /// <summary>Every level's image, coarsest first, rebuilt from the pyramid (the last equals the original images).</summary>
    public IReadOnlyList<Tensor> Images() => LaplacianPyramid.ReconstructLevels(Coarsest, Residuals);

    /// <summary>The original images, rebuilt exactly (within float rounding) from the pyramid.</summary>
    public Tensor Reconstruct() => LaplacianPyramid.Reconstruct(Coarsest, Residuals);

    /// <inheritdoc />
    public void Dispose()
    {
        Coarsest.Dispose();
        foreach (var r in Residuals) r.Dispose();
    }
}
