using GanNotebooks.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanNotebooks.Training;

/// <summary>
/// Checks, when a <see cref="GanTrainer"/> is made, that its networks can train with its options (feature matching
/// needs D's features, WGAN-GP a critic without BatchNorm and, since notebook 09-mode-collapse-benchmark, one that
/// judges single samples rather than packs). Introduced in notebook 06-failure-modes.
/// </summary>
internal static class GanTrainerChecks
{
    /// <summary>Rejects pairs the chosen objective or generator loss cannot train, naming the setting and the fix.</summary>
    public static void NetworksFitOptions(nn.Module discriminator, int? classes, GanTrainerOptions options)
    {
        if (options.GeneratorLoss == GeneratorLossKind.FeatureMatching)
        {
            if (classes is not null)
                throw new ArgumentException("GanTrainerOptions.GeneratorLoss = FeatureMatching is not available for conditional pairs in this kit; " +
                    "use NonSaturating.", nameof(options));
            if (discriminator is not IFeatureDiscriminator)
                throw new ArgumentException($"GanTrainerOptions.GeneratorLoss = FeatureMatching needs D's last hidden layer, but {discriminator.GetType().Name} " +
                    "does not expose it (IFeatureDiscriminator). Use MlpDiscriminator, DcganDiscriminator or Toy2DDiscriminator, or another generator loss.", nameof(options));
        }
        if (!options.IsWasserstein()) return;
        if (options.Objective == GanObjective.WassersteinGradientPenalty && discriminator is PackedDiscriminator)
            throw new ArgumentException("GanTrainerOptions.Objective = WassersteinGradientPenalty penalises each sample's gradient, but a PackedDiscriminator " +
                "judges packs of samples (its per-sample logits are repeats of one pack logit). Train packing with the CrossEntropy objective.", nameof(options));
        if (classes is not null)
            throw new ArgumentException($"GanTrainerOptions.Objective = {options.Objective} is not available for conditional pairs in this kit; " +
                "train the conditional GAN with the CrossEntropy objective.", nameof(options));
        if (options.Objective == GanObjective.WassersteinGradientPenalty && discriminator.modules().Any(m => m is BatchNorm1d or BatchNorm2d or BatchNorm3d))
            throw new ArgumentException($"GanTrainerOptions.Objective = WassersteinGradientPenalty penalises each sample's gradient, but this {discriminator.GetType().Name} " +
                "uses BatchNorm, which mixes the samples of a batch. Use a critic without BatchNorm: Toy2DDiscriminator, MlpDiscriminator, or " +
                "DcganDiscriminator with DcganConfig.DiscriminatorNormalization = LayerNorm or None.", nameof(options));
    }
}
