namespace GanNotebooks.Toy;

/// <summary>
/// Sizes of the small GAN for 2-D points (e.g. the ring of 8 Gaussians of
/// <see cref="Metrics.Toy.ToyDistribution.Ring"/>). Defaults: latent 2, generator and discriminator with two
/// hidden layers of 128 units, ReLU in the generator, LeakyReLU(0.2) in the discriminator, no BatchNorm.
/// Introduced in notebook 06-failure-modes.
/// </summary>
public sealed record Toy2DGanConfig
{
    /// <summary>Length of the noise vector z fed to the generator. Default 2.</summary>
    public int LatentSize { get; init; } = 2;

    /// <summary>Hidden layer widths of the generator, in order. Default 128, 128.</summary>
    public IReadOnlyList<int> GeneratorHidden { get; init; } = [128, 128];

    /// <summary>Hidden layer widths of the discriminator, in order. Default 128, 128.</summary>
    public IReadOnlyList<int> DiscriminatorHidden { get; init; } = [128, 128];

    /// <summary>Whether the generator normalises each hidden layer with BatchNorm (after its ReLU). Default false.</summary>
    public bool GeneratorBatchNorm { get; init; }

    /// <summary>
    /// Whether the discriminator appends the batch's mean standard deviation as one extra feature before its output
    /// layer (<see cref="Models.MinibatchStdDev"/>). Default false.
    /// </summary>
    public bool DiscriminatorMinibatchStdDev { get; init; }

    /// <summary>
    /// Whether every layer of the discriminator with weights is spectrally normalised (<see cref="Models.SpectralNormLinear"/>),
    /// which keeps D smooth (Miyato et al. 2018). Default false.
    /// </summary>
    public bool DiscriminatorSpectralNorm { get; init; }

    /// <summary>Negative slope of the discriminator's LeakyReLU activations. Default 0.2.</summary>
    public double LeakySlope { get; init; } = 0.2;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public Toy2DGanConfig Validate()
    {
        Require(LatentSize > 0, nameof(LatentSize), LatentSize, "must be at least 1 (default 2)");
        Require(GeneratorHidden.Count > 0 && GeneratorHidden.All(w => w > 0), nameof(GeneratorHidden),
            string.Join(",", GeneratorHidden), "needs at least one layer, each at least 1 unit wide (default 128,128)");
        Require(DiscriminatorHidden.Count > 0 && DiscriminatorHidden.All(w => w > 0), nameof(DiscriminatorHidden),
            string.Join(",", DiscriminatorHidden), "needs at least one layer, each at least 1 unit wide (default 128,128)");
        Require(LeakySlope >= 0 && LeakySlope < 1, nameof(LeakySlope), LeakySlope, "must be in [0, 1) (default 0.2)");
        return this;
    }

    private static void Require(bool ok, string name, object value, string rule)
    {
        if (!ok) throw new ArgumentException($"Toy2DGanConfig.{name} = {value} {rule}.", name);
    }
}
