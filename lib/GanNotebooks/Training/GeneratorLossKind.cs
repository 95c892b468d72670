namespace GanNotebooks.Training;

/// <summary>Which generator loss a <see cref="GanTrainer"/> minimises. Introduced in notebook 02-vanilla-gan.</summary>
public enum GeneratorLossKind
{
    /// <summary>−log D(G(z)): the "non-saturating" loss Goodfellow et al. recommend; strong gradients early on.</summary>
    NonSaturating,

    /// <summary>log(1 − D(G(z))): the original minimax objective; its gradient vanishes while D wins easily.</summary>
    Minimax,

    /// <summary>
    /// Feature matching (Salimans et al. 2016): ‖mean f(x) − mean f(G(z))‖², f being D's last hidden layer, so G
    /// matches the statistics D has learned to look at instead of fooling D's final verdict. Needs a discriminator
    /// that implements <see cref="Models.IFeatureDiscriminator"/>. Introduced in notebook 06-failure-modes.
    /// </summary>
    FeatureMatching,
}
