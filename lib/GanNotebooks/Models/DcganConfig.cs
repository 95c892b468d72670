namespace GanNotebooks.Models;

/// <summary>
/// Sizes of the convolutional GAN (DCGAN, Radford et al. 2015). Image sizes 28 (grey digits: 7×7 → 14 → 28),
/// 32 and 64 (4×4 doubling up to the size). Feature widths double at each lower resolution, from
/// <see cref="GeneratorFeatures"/> / <see cref="DiscriminatorFeatures"/> at the full size. Introduced in notebook 04-dcgan.
/// </summary>
public sealed record DcganConfig
{
    /// <summary>Length of the noise vector z. Default 100.</summary>
    public int LatentSize { get; init; } = 100;

    /// <summary>Image channels: 1 (grey) or 3 (colour). Default 1.</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Image height and width: 28, 32 or 64. Default 28.</summary>
    public int ImageSize { get; init; } = 28;

    /// <summary>The generator's feature maps just before its output layer (PyTorch tutorial's ngf). Default 64.</summary>
    public int GeneratorFeatures { get; init; } = 64;

    /// <summary>
    /// The discriminator's feature maps after its first layer (the tutorial's ndf). Default 64. Set independently of
    /// <see cref="GeneratorFeatures"/>: notebook 09-mode-collapse-benchmark weakens D for its harder setting by giving
    /// it ¼ of G's feature maps (at 28 pixels and 3 channels, 10,592 weights instead of 140,672).
    /// </summary>
    public int DiscriminatorFeatures { get; init; } = 64;

    /// <summary>
    /// How the discriminator normalises the layers after its first: BatchNorm (default, as in DCGAN), LayerNorm
    /// (for a WGAN-GP critic) or None. Introduced in notebook 06-failure-modes.
    /// </summary>
    public DiscriminatorNormalization DiscriminatorNormalization { get; init; } = DiscriminatorNormalization.BatchNorm;

    /// <summary>
    /// Whether the discriminator appends the batch's mean standard deviation as one extra feature map before its
    /// output layer (<see cref="MinibatchStdDev"/>). Default false. Introduced in notebook 06-failure-modes.
    /// </summary>
    public bool DiscriminatorMinibatchStdDev { get; init; }

    /// <summary>
    /// Whether every layer of the discriminator with weights is spectrally normalised (<see cref="SpectralNormConv2d"/>),
    /// which keeps D smooth (Miyato et al. 2018). Default false. Introduced in notebook 06-failure-modes.
    /// </summary>
    public bool DiscriminatorSpectralNorm { get; init; }

    /// <summary>
    /// Whether the layers that are matrix products in disguise are computed as matrix products: G's projection of z
    /// (<see cref="LatentProjection"/>), D's output layer over the whole map, and for grey images G's last and D's
    /// first layer (<see cref="Col2ImConvTranspose2d"/>, <see cref="Im2ColConv2d"/>). Same weights, names and results
    /// up to float rounding as TorchSharp's convolution modules, in about 13% less time per DCGAN step on a CPU.
    /// Default true; false gives TorchSharp's modules throughout (checkpoints load either way: the weights have the
    /// same names and shapes). Introduced in notebook 04-dcgan.
    /// </summary>
    public bool MatrixProductLayers { get; init; } = true;

    /// <summary>The smallest feature-map size: 7 for 28-pixel images, 4 otherwise.</summary>
    public int BaseSize => ImageSize == 28 ? 7 : 4;

    /// <summary>Number of ×2 resolution steps between <see cref="BaseSize"/> and <see cref="ImageSize"/>.</summary>
    public int Stages => ImageSize switch { 28 => 2, 32 => 3, 64 => 4, _ => 0 };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public DcganConfig Validate()
    {
        if (LatentSize <= 0) throw new ArgumentException($"DcganConfig.LatentSize = {LatentSize} must be at least 1.", nameof(LatentSize));
        if (Channels is not (1 or 3)) throw new ArgumentException($"DcganConfig.Channels = {Channels} must be 1 (grey) or 3 (colour).", nameof(Channels));
        if (ImageSize is not (28 or 32 or 64)) throw new ArgumentException($"DcganConfig.ImageSize = {ImageSize} must be 28, 32 or 64.", nameof(ImageSize));
        if (GeneratorFeatures <= 0) throw new ArgumentException($"DcganConfig.GeneratorFeatures = {GeneratorFeatures} must be at least 1.", nameof(GeneratorFeatures));
        if (DiscriminatorFeatures <= 0) throw new ArgumentException($"DcganConfig.DiscriminatorFeatures = {DiscriminatorFeatures} must be at least 1.", nameof(DiscriminatorFeatures));
        if (!Enum.IsDefined(DiscriminatorNormalization))
            throw new ArgumentException($"DcganConfig.DiscriminatorNormalization = {DiscriminatorNormalization} must be BatchNorm, LayerNorm or None.", nameof(DiscriminatorNormalization));
        return this;
    }
}
