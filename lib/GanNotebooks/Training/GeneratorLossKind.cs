namespace GanNotebooks.Training;

/// <summary>Which generator loss a <see cref="GanTrainer"/> minimises. Introduced in notebook 02-vanilla-gan.</summary>
public enum GeneratorLossKind
{
    /// <summary>−log D(G(z)): the "non-saturating" loss Goodfellow et al. recommend; strong gradients early on.</summary>
    NonSaturating,

    /// <summary>log(1 − D(G(z))): the original minimax objective; its gradient vanishes while D wins easily.</summary>
    Minimax,
}
