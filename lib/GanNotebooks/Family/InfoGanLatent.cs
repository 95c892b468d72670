using static TorchSharp.torch;

namespace GanNotebooks.Family;

/// <summary>
/// One batch of InfoGAN latents, part by part (<see cref="InfoGanCodes.Compose"/> joins them for the generator).
/// Introduced in notebook 08-gan-family.
/// </summary>
/// <param name="Noise">Incompressible noise z [N, NoiseSize].</param>
/// <param name="Categories">The categorical code c₁ [N] (int64, 0 … Categories − 1).</param>
/// <param name="Continuous">The continuous codes [N, ContinuousCodes].</param>
public sealed record InfoGanLatent(Tensor Noise, Tensor Categories, Tensor Continuous) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        Noise.Dispose();
        Categories.Dispose();
        Continuous.Dispose();
    }
}
