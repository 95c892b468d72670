using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace GanNotebooks.Family;

/// <summary>
/// InfoGAN's latent layout (Chen et al. 2016): incompressible noise z, one categorical code c₁ (one-hot over
/// <see cref="Categories"/> values) and <see cref="ContinuousCodes"/> continuous codes uniform in [−1, 1]. The
/// generator sees them concatenated as [z; one-hot(c₁); c₂…]. Defaults as the paper's MNIST model: 62 noise values,
/// a 10-way code and 2 continuous codes. Introduced in notebook 08-gan-family.
/// </summary>
public sealed record InfoGanCodes
{
    /// <summary>Length of the noise part z. Default 62.</summary>
    public int NoiseSize { get; init; } = 62;

    /// <summary>Number of values of the categorical code. Default 10.</summary>
    public int Categories { get; init; } = 10;

    /// <summary>Number of continuous codes. Default 2.</summary>
    public int ContinuousCodes { get; init; } = 2;

    /// <summary>The generator's input length: noise + categories (one-hot) + continuous codes.</summary>
    public int LatentSize => NoiseSize + Categories + ContinuousCodes;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public InfoGanCodes Validate()
    {
        if (NoiseSize < 0) throw new ArgumentException($"InfoGanCodes.NoiseSize = {NoiseSize} cannot be negative.", nameof(NoiseSize));
        if (Categories < 2) throw new ArgumentException($"InfoGanCodes.Categories = {Categories} must be at least 2.", nameof(Categories));
        if (ContinuousCodes < 0) throw new ArgumentException($"InfoGanCodes.ContinuousCodes = {ContinuousCodes} cannot be negative.", nameof(ContinuousCodes));
        return this;
    }

    /// <summary><paramref name="count"/> latents: noise N(0, 1), categories uniform, continuous codes uniform in [−1, 1].</summary>
    public InfoGanLatent Sample(long count, Generator? generator = null, Device? device = null)
    {
        var noise = randn(count, NoiseSize, device: device, generator: generator);
        var categories = randint(0, Categories, [count], ScalarType.Int64, device, generator: generator);
        var continuous = rand(count, ContinuousCodes, device: device, generator: generator) * 2 - 1;
        return new InfoGanLatent(noise, categories, continuous);
    }

    /// <summary>The generator's input [N, <see cref="LatentSize"/>] for a latent: [z; one-hot(c₁); c₂…].</summary>
    public Tensor Compose(InfoGanLatent latent)
    {
        if (latent.Noise.dim() != 2 || latent.Noise.shape[1] != NoiseSize)
            throw new ArgumentException($"expected noise [N, {NoiseSize}], got [{string.Join(", ", latent.Noise.shape)}].", nameof(latent));
        if (latent.Continuous.dim() != 2 || latent.Continuous.shape[1] != ContinuousCodes)
            throw new ArgumentException($"expected continuous codes [N, {ContinuousCodes}], got [{string.Join(", ", latent.Continuous.shape)}].", nameof(latent));
        using var scope = NewDisposeScope();
        var oneHot = one_hot(latent.Categories, Categories).to_type(latent.Noise.dtype);
        return cat([latent.Noise, oneHot, latent.Continuous.to_type(latent.Noise.dtype)], 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// A grid that varies the categorical code along each row: row r uses noise row r of <paramref name="noise"/>
    /// [rows, NoiseSize] and continuous codes 0; column k uses category k. Laid out row by row
    /// (rows × <see cref="Categories"/> latents), ready for an image grid with <see cref="Categories"/> columns.
    /// </summary>
    public InfoGanLatent CategoryGrid(Tensor noise)
    {
        RequireNoise(noise);
        long rows = noise.shape[0];
        var gridNoise = noise.repeat_interleave(Categories, 0);
        var categories = arange(Categories, ScalarType.Int64, noise.device).repeat(rows);
        return new InfoGanLatent(gridNoise, categories, zeros(rows * Categories, ContinuousCodes, device: noise.device));
    }

    /// <summary>
    /// A grid that varies continuous code <paramref name="code"/> along each row from <paramref name="low"/> to
    /// <paramref name="high"/> in <paramref name="steps"/> steps (beyond [−1, 1] shows how G extrapolates): row k uses
    /// category k mod <see cref="Categories"/> and noise row k of <paramref name="noise"/> [rows, NoiseSize]; the other
    /// continuous codes stay 0. Laid out row by row (rows × steps latents).
    /// </summary>
    public InfoGanLatent ContinuousGrid(Tensor noise, int code, int steps = 10, double low = -2, double high = 2)
    {
        RequireNoise(noise);
        if (code < 0 || code >= ContinuousCodes)
            throw new ArgumentOutOfRangeException(nameof(code), code, $"there are {ContinuousCodes} continuous codes, numbered from 0");
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), steps, "a sweep needs at least 2 steps");
        long rows = noise.shape[0];
        var gridNoise = noise.repeat_interleave(steps, 0);
        var categories = arange(rows, ScalarType.Int64, noise.device).remainder(Categories).repeat_interleave(steps);
        var continuous = zeros(rows * steps, ContinuousCodes, device: noise.device);
        continuous[TensorIndex.Colon, code] = linspace(low, high, steps, device: noise.device).repeat(rows);
        return new InfoGanLatent(gridNoise, categories, continuous);
    }

    private void RequireNoise(Tensor noise)
    {
        if (noise.dim() != 2 || noise.shape[1] != NoiseSize || noise.shape[0] < 1)
            throw new ArgumentException($"expected noise [rows, {NoiseSize}] with at least one row, got [{string.Join(", ", noise.shape)}].", nameof(noise));
    }
}
