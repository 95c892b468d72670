namespace GanNotebooks.Training;

/// <summary>
/// How a <see cref="GanTrainer"/> trains. Defaults: latent size 100, non-saturating generator loss, Adam
/// (2e-4, β1 = 0.5) for both networks, seed 42, 64 fixed-noise vectors. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed record GanTrainerOptions
{
    /// <summary>Length of the noise vector z. Must match the generator's input. Default 100.</summary>
    public int LatentSize { get; init; } = 100;

    /// <summary>Which generator loss. Default <see cref="GeneratorLossKind.NonSaturating"/>.</summary>
    public GeneratorLossKind GeneratorLoss { get; init; } = GeneratorLossKind.NonSaturating;

    /// <summary>The discriminator's optimizer. Default Adam, 2e-4, β1 = 0.5.</summary>
    public OptimizerSettings DiscriminatorOptimizer { get; init; } = new();

    /// <summary>The generator's optimizer. Default Adam, 2e-4, β1 = 0.5.</summary>
    public OptimizerSettings GeneratorOptimizer { get; init; } = new();

    /// <summary>Seed of the trainer's noise generator (fixed noise, then per-step noise). Default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>How many fixed noise vectors to keep for progress pictures. Default 64 (an 8×8 grid).</summary>
    public int FixedNoiseCount { get; init; } = 64;

    /// <summary>
    /// The discriminator's target for real images: 1 (default), or 0.9 for one-sided label smoothing. Generated
    /// images keep the target 0.
    /// </summary>
    public double RealLabel { get; init; } = 1.0;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public GanTrainerOptions Validate()
    {
        if (LatentSize <= 0) throw new ArgumentException($"GanTrainerOptions.LatentSize = {LatentSize} must be at least 1.", nameof(LatentSize));
        if (FixedNoiseCount <= 0) throw new ArgumentException($"GanTrainerOptions.FixedNoiseCount = {FixedNoiseCount} must be at least 1.", nameof(FixedNoiseCount));
        if (!(RealLabel > 0.5 && RealLabel <= 1.0))
            throw new ArgumentException($"GanTrainerOptions.RealLabel = {RealLabel} must be in (0.5, 1]; 0.9 is the usual one-sided smoothing.", nameof(RealLabel));
        DiscriminatorOptimizer.Validate();
        GeneratorOptimizer.Validate();
        return this;
    }
}
