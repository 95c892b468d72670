using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace GanNotebooks.Family;

/// <summary>
/// InfoGAN's variational lower bound on the mutual information I(c; G(z, c)), written as losses to minimise: the
/// cross-entropy of Q's categorical logits against the code that made the image (−E log Q(c₁|x)) and, for the
/// continuous codes, the mean squared error of Q's means (the negative log-likelihood of a fixed-variance Gaussian up
/// to a constant and a factor). Both are batch means; the trainer weights their sum by λ. Introduced in notebook
/// 08-gan-family.
/// </summary>
public static class InfoGanLosses
{
    /// <summary>The categorical and continuous terms of the information loss for Q's <paramref name="heads"/> on images made from <paramref name="latent"/>.</summary>
    public static (Tensor Categorical, Tensor Continuous) Information(InfoGanHeads heads, InfoGanLatent latent)
    {
        if (heads.CategoryLogits.shape[0] != latent.Categories.shape[0])
            throw new ArgumentException($"Q judged {heads.CategoryLogits.shape[0]} images but the latent holds {latent.Categories.shape[0]} codes.", nameof(latent));
        var categorical = cross_entropy(heads.CategoryLogits, latent.Categories);
        var continuous = latent.Continuous.shape[1] == 0
            ? zeros([], heads.ContinuousMeans.dtype, heads.ContinuousMeans.device)
            : mse_loss(heads.ContinuousMeans, latent.Continuous.to_type(heads.ContinuousMeans.dtype));
        return (categorical, continuous);
    }
}
