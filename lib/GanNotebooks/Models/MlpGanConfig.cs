namespace GanNotebooks.Models;

/// <summary>
/// Sizes of the fully connected GAN (the classic Keras-tutorial MLP GAN). Defaults: latent 100, generator
/// 256→512→1024 hidden units, discriminator 512→256, LeakyReLU slope 0.2, images 1×28×28. Introduced in notebook
/// 02-vanilla-gan.
/// </summary>
public sealed record MlpGanConfig
{
    /// <summary>Length of the noise vector z fed to the generator. Default 100.</summary>
    public int LatentSize { get; init; } = 100;

    /// <summary>Image channels. Default 1 (grey).</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Image height and width in pixels. Default 28.</summary>
    public int ImageSize { get; init; } = 28;

    /// <summary>Hidden layer widths of the generator, in order. Default 256, 512, 1024.</summary>
    public IReadOnlyList<int> GeneratorHidden { get; init; } = [256, 512, 1024];

    /// <summary>Hidden layer widths of the discriminator, in order. Default 512, 256.</summary>
    public IReadOnlyList<int> DiscriminatorHidden { get; init; } = [512, 256];

    /// <summary>Negative slope of the LeakyReLU activations. Default 0.2.</summary>
    public double LeakySlope { get; init; } = 0.2;

    /// <summary>
    /// BatchNorm momentum in PyTorch's sense (weight of the new batch). Default 0.2, which is Keras's
    /// <c>momentum=0.8</c> used by the tutorial this model follows.
    /// </summary>
    public double BatchNormMomentum { get; init; } = 0.2;

    /// <summary>
    /// Whether the discriminator appends the batch's mean standard deviation as one extra feature before its output
    /// layer (<see cref="MinibatchStdDev"/>). Default false. Introduced in notebook 06-failure-modes.
    /// </summary>
    public bool DiscriminatorMinibatchStdDev { get; init; }

    /// <summary>
    /// Whether every layer of the discriminator with weights is spectrally normalised (<see cref="SpectralNormLinear"/>),
    /// which keeps D smooth (Miyato et al. 2018). Default false. Introduced in notebook 06-failure-modes.
    /// </summary>
    public bool DiscriminatorSpectralNorm { get; init; }

    /// <summary>Pixels per image: channels × size × size.</summary>
    public int ImagePixels => Channels * ImageSize * ImageSize;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public MlpGanConfig Validate()
    {
        Require(LatentSize > 0, nameof(LatentSize), LatentSize, "must be at least 1");
        Require(Channels is 1 or 3, nameof(Channels), Channels, "must be 1 (grey) or 3 (colour)");
        Require(ImageSize > 0, nameof(ImageSize), ImageSize, "must be at least 1");
        Require(GeneratorHidden.Count > 0 && GeneratorHidden.All(w => w > 0), nameof(GeneratorHidden),
            string.Join(",", GeneratorHidden), "needs at least one layer, each at least 1 unit wide");
        Require(DiscriminatorHidden.Count > 0 && DiscriminatorHidden.All(w => w > 0), nameof(DiscriminatorHidden),
            string.Join(",", DiscriminatorHidden), "needs at least one layer, each at least 1 unit wide");
        Require(LeakySlope >= 0 && LeakySlope < 1, nameof(LeakySlope), LeakySlope, "must be in [0, 1)");
        Require(BatchNormMomentum > 0 && BatchNormMomentum <= 1, nameof(BatchNormMomentum), BatchNormMomentum, "must be in (0, 1]");
        return this;
    }

    private static void Require(bool ok, string name, object value, string rule)
    {
        if (!ok) throw new ArgumentException($"MlpGanConfig.{name} = {value} {rule}.", name);
    }
}
