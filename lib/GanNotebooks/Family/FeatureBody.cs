using GanNotebooks.Models;
using static TorchSharp.torch;

namespace GanNotebooks.Family;

/// <summary>
/// Builds the shared feature body of discriminators with extra heads (InfoGAN's Q, AC-GAN's classifier) from the
/// kit's discriminators, which expose their last hidden layer (<see cref="IFeatureDiscriminator"/>), and says how many
/// values one sample's features hold. Introduced in notebook 08-gan-family.
/// </summary>
internal static class FeatureBody
{
    /// <summary>A fully connected body and its feature width (the last hidden layer).</summary>
    public static (MlpDiscriminator Body, long Width) Mlp(MlpGanConfig? config)
    {
        var c = (config ?? new MlpGanConfig()).Validate();
        return (new MlpDiscriminator(c), c.DiscriminatorHidden[^1]);
    }

    /// <summary>A convolutional body and its feature width (channels × base × base of its last hidden maps).</summary>
    public static (DcganDiscriminator Body, long Width) Dcgan(DcganConfig? config)
    {
        var c = (config ?? new DcganConfig()).Validate();
        return (new DcganDiscriminator(c), (long)c.DiscriminatorFeatures * (1L << (c.Stages - 1)) * c.BaseSize * c.BaseSize);
    }

    /// <summary>Checks that <paramref name="body"/> exposes its features.</summary>
    public static IFeatureDiscriminator Require(nn.Module<Tensor, Tensor> body, long width)
    {
        if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "the feature width must be at least 1");
        return body as IFeatureDiscriminator ?? throw new ArgumentException(
            $"{body.GetType().Name} does not expose its last hidden layer (IFeatureDiscriminator); use MlpDiscriminator or DcganDiscriminator.", nameof(body));
    }
}
