using GanNotebooks.Models;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// The training protocol of the Stacked MNIST benchmark, shared by notebook 09 and <c>gan benchmark stacked-mnist</c>.
/// The defaults follow PacGAN (Lin et al. 2018): 128,000 stacked training images, batch 64, Adam with learning rate
/// 2·10⁻⁴ and β1 = 0.5 for both networks, z of 100 dimensions, 26,000 generated samples counted, 100,000 steps
/// (50 epochs of 2,000 batches). The networks are the kit's DCGAN (notebook 04) on three 28-pixel channels with
/// <see cref="GeneratorFeatures"/> feature maps, built from TorchSharp's convolution modules (not the kit's
/// matrix-product layers, <see cref="DcganConfig.MatrixProductLayers"/>, which round differently); a method sets D's
/// width, packing and minibatch standard deviation (<see cref="StackedMnistMethod"/>). Shorter runs change
/// <see cref="Steps"/>, <see cref="TrainingImages"/> and <see cref="Samples"/>, nothing else. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed record StackedMnistProtocol
{
    /// <summary>Stacked images in the training set. Default 128,000 (PacGAN's).</summary>
    public int TrainingImages { get; init; } = 128_000;

    /// <summary>Seed of the training set's draws (the same for every method and run). Default 2018.</summary>
    public int DataSeed { get; init; } = 2018;

    /// <summary>Images per step. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Length of z. Default 100.</summary>
    public int LatentSize { get; init; } = 100;

    /// <summary>G's feature maps before its output layer (D's width is this divided by the method's divisor). Default 64.</summary>
    public int GeneratorFeatures { get; init; } = 64;

    /// <summary>Adam's learning rate for both networks. Default 2·10⁻⁴.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>Adam's β1 for both networks. Default 0.5.</summary>
    public double Beta1 { get; init; } = 0.5;

    /// <summary>Training steps (one D and one G update each). Default 100,000.</summary>
    public long Steps { get; init; } = 100_000;

    /// <summary>Generated samples whose modes are counted (N). Default 26,000.</summary>
    public int Samples { get; init; } = 26_000;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public StackedMnistProtocol Validate()
    {
        if (TrainingImages < BatchSize) throw new ArgumentException($"StackedMnistProtocol.TrainingImages = {TrainingImages} must be at least the batch size ({BatchSize}).", nameof(TrainingImages));
        if (BatchSize < 1) throw new ArgumentException($"StackedMnistProtocol.BatchSize = {BatchSize} must be at least 1.", nameof(BatchSize));
        if (LatentSize < 1) throw new ArgumentException($"StackedMnistProtocol.LatentSize = {LatentSize} must be at least 1.", nameof(LatentSize));
        if (GeneratorFeatures < 4) throw new ArgumentException($"StackedMnistProtocol.GeneratorFeatures = {GeneratorFeatures} must be at least 4 (a quarter-width D needs one feature map).", nameof(GeneratorFeatures));
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"StackedMnistProtocol.LearningRate = {LearningRate} must be a positive number.", nameof(LearningRate));
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new ArgumentException($"StackedMnistProtocol.Beta1 = {Beta1} must be in [0, 1).", nameof(Beta1));
        if (Steps < 1) throw new ArgumentException($"StackedMnistProtocol.Steps = {Steps} must be at least 1.", nameof(Steps));
        if (Samples < 1) throw new ArgumentException($"StackedMnistProtocol.Samples = {Samples} must be at least 1.", nameof(Samples));
        return this;
    }

    /// <summary>The networks' sizes for <paramref name="method"/>: three channels, 28 pixels, D's width and minibatch std. dev. from the method.</summary>
    public DcganConfig ConfigFor(StackedMnistMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new DcganConfig
        {
            LatentSize = LatentSize,
            Channels = 3,
            ImageSize = 28,
            GeneratorFeatures = GeneratorFeatures,
            DiscriminatorFeatures = Math.Max(1, GeneratorFeatures / method.DiscriminatorDivisor),
            DiscriminatorMinibatchStdDev = method.MinibatchStdDev,
            MatrixProductLayers = false,   // TorchSharp's modules, as the runs notebook 09 reports were measured: a seed reproduces them
        };
    }

    /// <summary>The trainer's settings for a run with <paramref name="seed"/>: Adam for both networks, the non-saturating loss, no label smoothing.</summary>
    public GanTrainerOptions TrainerOptions(int seed)
    {
        var adam = new OptimizerSettings { LearningRate = LearningRate, Beta1 = Beta1 };
        return new GanTrainerOptions { LatentSize = LatentSize, Seed = seed, DiscriminatorOptimizer = adam, GeneratorOptimizer = adam };
    }

    /// <summary>The discriminator of <paramref name="method"/>: a <see cref="DcganDiscriminator"/>, packed when the method packs.</summary>
    /// <exception cref="ArgumentException">The batch size is not a multiple of the method's packing.</exception>
    public nn.Module<Tensor, Tensor> Discriminator(StackedMnistMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (BatchSize % method.Packing != 0)
            throw new ArgumentException($"{method.Name} packs {method.Packing} samples, but the batch size {BatchSize} is not a multiple of {method.Packing}.", nameof(method));
        var config = ConfigFor(method);
        return method.Packing > 1 ? PackedDiscriminator.Dcgan(config, method.Packing) : new DcganDiscriminator(config);
    }
}
