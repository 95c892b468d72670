using GanNotebooks.Training;

namespace GanNotebooks.Family;

/// <summary>
/// How a <see cref="LapganTrainer"/> trains. Defaults: base noise of 100 values, Adam (2e-4, β1 = 0.5) for every
/// network, seed 42. Introduced in notebook 08-gan-family.
/// </summary>
public sealed record LapganTrainerOptions
{
    /// <summary>Length of the noise vector of the coarsest level's generator. Must match it. Default 100.</summary>
    public int BaseLatentSize { get; init; } = 100;

    /// <summary>The optimizer of every generator. Default Adam, 2e-4, β1 = 0.5.</summary>
    public OptimizerSettings GeneratorOptimizer { get; init; } = new();

    /// <summary>The optimizer of every discriminator. Default Adam, 2e-4, β1 = 0.5.</summary>
    public OptimizerSettings DiscriminatorOptimizer { get; init; } = new();

    /// <summary>Seed of the trainer's noise generator. Default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public LapganTrainerOptions Validate()
    {
        if (BaseLatentSize <= 0) throw new ArgumentException($"LapganTrainerOptions.BaseLatentSize = {BaseLatentSize} must be at least 1.", nameof(BaseLatentSize));
        GeneratorOptimizer.Validate();
        DiscriminatorOptimizer.Validate();
        return this;
    }
}
