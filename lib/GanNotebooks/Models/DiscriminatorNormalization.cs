namespace GanNotebooks.Models;

/// <summary>
/// How the convolutional discriminator normalises its inner layers (<see cref="DcganConfig.DiscriminatorNormalization"/>).
/// Introduced in notebook 06-failure-modes.
/// </summary>
public enum DiscriminatorNormalization
{
    /// <summary>BatchNorm, as in DCGAN (the default). Mixes the samples of a batch, so WGAN-GP cannot use it.</summary>
    BatchNorm,

    /// <summary>LayerNorm over each sample's channels and pixels: per-sample, the choice of the WGAN-GP paper for its critic.</summary>
    LayerNorm,

    /// <summary>No normalisation.</summary>
    None,
}
