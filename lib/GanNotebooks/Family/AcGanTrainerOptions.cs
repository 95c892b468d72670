using GanNotebooks.Training;

namespace GanNotebooks.Family;

/// <summary>
/// How an <see cref="AcGanTrainer"/> trains. Defaults: latent size 100, class-loss weight 1, Adam (2e-4, β1 = 0.5)
/// for both networks, seed 42, 100 fixed noise vectors. Introduced in notebook 08-gan-family.
/// </summary>
public sealed record AcGanTrainerOptions
{
    /// <summary>Length of the noise vector z (without the label embedding). Must match the generator. Default 100.</summary>
    public int LatentSize { get; init; } = 100;

    /// <summary>Weight of the class losses in both objectives. Default 1, as in the paper.</summary>
    public double ClassWeight { get; init; } = 1.0;

    /// <summary>G's optimizer. Default Adam, 2e-4, β1 = 0.5.</summary>
    public OptimizerSettings GeneratorOptimizer { get; init; } = new();

    /// <summary>D's optimizer. Default Adam, 2e-4, β1 = 0.5.</summary>
    public OptimizerSettings DiscriminatorOptimizer { get; init; } = new();

    /// <summary>Seed of the trainer's noise generator (fixed noise, then per-step noise and labels). Default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>How many fixed noise vectors to keep for progress pictures; their labels cycle 0, 1, …. Default 100 (a 10×10 grid).</summary>
    public int FixedNoiseCount { get; init; } = 100;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public AcGanTrainerOptions Validate()
    {
        if (LatentSize <= 0) throw new ArgumentException($"AcGanTrainerOptions.LatentSize = {LatentSize} must be at least 1.", nameof(LatentSize));
        if (!(ClassWeight >= 0) || double.IsInfinity(ClassWeight))
            throw new ArgumentException($"AcGanTrainerOptions.ClassWeight = {ClassWeight} must be 0 or a positive number (the paper uses 1).", nameof(ClassWeight));
        if (FixedNoiseCount <= 0) throw new ArgumentException($"AcGanTrainerOptions.FixedNoiseCount = {FixedNoiseCount} must be at least 1.", nameof(FixedNoiseCount));
        GeneratorOptimizer.Validate();
        DiscriminatorOptimizer.Validate();
        return this;
    }
}
