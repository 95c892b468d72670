using GanNotebooks.Training;

namespace GanNotebooks.Family;

/// <summary>
/// How an <see cref="InfoGanTrainer"/> trains. Defaults: the paper's MNIST codes (62 noise, 10-way, 2 continuous),
/// λ = 1, Adam (2e-4, β1 = 0.5) for G and for D with Q, seed 42. Introduced in notebook 08-gan-family.
/// </summary>
public sealed record InfoGanTrainerOptions
{
    /// <summary>The latent layout. Must match the generator's input and the discriminator's Q head.</summary>
    public InfoGanCodes Codes { get; init; } = new();

    /// <summary>λ, the weight of the information loss in both D's (with Q) and G's objective. Default 1, as in the paper for discrete codes.</summary>
    public double InformationWeight { get; init; } = 1.0;

    /// <summary>G's optimizer. Default Adam, 2e-4, β1 = 0.5.</summary>
    public OptimizerSettings GeneratorOptimizer { get; init; } = new();

    /// <summary>The optimizer of D and its Q head. Default Adam, 2e-4, β1 = 0.5.</summary>
    public OptimizerSettings DiscriminatorOptimizer { get; init; } = new();

    /// <summary>Seed of the trainer's noise generator. Default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public InfoGanTrainerOptions Validate()
    {
        Codes.Validate();
        if (!(InformationWeight >= 0) || double.IsInfinity(InformationWeight))
            throw new ArgumentException($"InfoGanTrainerOptions.InformationWeight = {InformationWeight} must be 0 or a positive number (the paper uses 1).", nameof(InformationWeight));
        GeneratorOptimizer.Validate();
        DiscriminatorOptimizer.Validate();
        return this;
    }
}
