using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// The fully connected discriminator: image → flatten → [Linear → LeakyReLU] per hidden layer → Linear → one logit
/// per image (the probability "real" is its sigmoid; the losses work on logits for numerical stability). With the
/// default <see cref="MlpGanConfig"/> it has 533,505 parameters. Options (notebook 06-failure-modes): a minibatch
/// standard deviation feature before the output layer; spectral normalisation of every layer. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class MlpDiscriminator : Module<Tensor, Tensor>, IFeatureDiscriminator
{
    private readonly Sequential layers;

    /// <summary>Builds the discriminator for <paramref name="config"/> (defaults when null).</summary>
    public MlpDiscriminator(MlpGanConfig? config = null) : base(nameof(MlpDiscriminator))
    {
        var c = (config ?? new MlpGanConfig()).Validate();
        layers = Sequential();
        layers.append("flatten", Flatten());
        long width = c.ImagePixels;
        for (int i = 0; i < c.DiscriminatorHidden.Count; i++)
        {
            long next = c.DiscriminatorHidden[i];
            layers.append($"linear{i + 1}", c.DiscriminatorSpectralNorm ? new SpectralNormLinear(width, next) : Linear(width, next));
            layers.append($"leaky{i + 1}", LeakyReLU(c.LeakySlope));
            width = next;
        }
        if (c.DiscriminatorMinibatchStdDev)
        {
            layers.append(DiscriminatorHead.MinibatchStdDevName, new MinibatchStdDev());
            width += 1;
        }
        layers.append(DiscriminatorHead.OutputName, c.DiscriminatorSpectralNorm ? new SpectralNormLinear(width, 1) : Linear(width, 1));
        RegisterComponents();
    }

    /// <summary>Maps images [batch, channels, size, size] to logits [batch].</summary>
    public override Tensor forward(Tensor images)
    {
        using var logits = layers.forward(images);
        return logits.view(-1);
    }

    /// <summary>The last hidden layer's activations [batch, width] (after its LeakyReLU).</summary>
    public Tensor Features(Tensor images) => DiscriminatorHead.Features(layers, images);

    /// <summary>Logits [batch] from what <see cref="Features"/> returned.</summary>
    public Tensor Classify(Tensor features) => DiscriminatorHead.Classify(layers, features);
}
