using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// The DCGAN discriminator, the generator's mirror: 4×4 convolutions of stride 2 halve the resolution and double
/// the channels down to the base size (7×7 or 4×4), with LeakyReLU(0.2) after each and BatchNorm after all but the
/// first (or LayerNorm or nothing: <see cref="DcganConfig.DiscriminatorNormalization"/>); a final convolution over
/// the whole base map gives one logit per image (optionally after a minibatch standard deviation map,
/// <see cref="DcganConfig.DiscriminatorMinibatchStdDev"/>); every convolution can be spectrally normalised
/// (<see cref="DcganConfig.DiscriminatorSpectralNorm"/>). No pooling anywhere. Weights start from N(0, 0.02). Introduced in
/// notebook 04-dcgan. With <see cref="DcganConfig.MatrixProductLayers"/> and without spectral normalisation the last
/// layer, whose kernel covers the whole map, is computed as one matrix product over the flattened maps
/// (<see cref="Im2ColConv2d"/>), and so is the first layer when it reads a single grey channel: on a CPU both are
/// faster that way than in the convolution library's kernels, which win again for three or more input channels
/// (colour images, the conditional model's label maps).
/// </summary>
public sealed class DcganDiscriminator : Module<Tensor, Tensor>, IFeatureDiscriminator
{
    private readonly Sequential layers;

    /// <summary>
    /// Builds the discriminator for <paramref name="config"/> (defaults when null). <paramref name="extraInputChannels"/>
    /// widens the input for conditional models, which stack label maps onto the image.
    /// </summary>
    public DcganDiscriminator(DcganConfig? config = null, int extraInputChannels = 0) : base(nameof(DcganDiscriminator))
    {
        var c = (config ?? new DcganConfig()).Validate();
        if (extraInputChannels < 0) throw new ArgumentOutOfRangeException(nameof(extraInputChannels), extraInputChannels, "cannot be negative");
        layers = Sequential();
        long width = c.DiscriminatorFeatures;
        layers.append("down1", !c.MatrixProductLayers || c.DiscriminatorSpectralNorm || c.Channels + extraInputChannels > 1
            ? Down(c, c.Channels + extraInputChannels, width)
            : new Im2ColConv2d(1, width, 4, stride: 2, padding: 1));
        layers.append("leaky1", LeakyReLU(0.2));
        for (int stage = 2; stage <= c.Stages; stage++)
        {
            layers.append($"down{stage}", Down(c, width, width * 2));
            long size = c.ImageSize >> stage;
            switch (c.DiscriminatorNormalization)
            {
                case DiscriminatorNormalization.BatchNorm: layers.append($"norm{stage}", BatchNorm2d(width * 2)); break;
                case DiscriminatorNormalization.LayerNorm: layers.append($"norm{stage}", LayerNorm([width * 2, size, size])); break;
            }
            layers.append($"leaky{stage}", LeakyReLU(0.2));
            width *= 2;
        }
        if (c.DiscriminatorMinibatchStdDev)
        {
            layers.append(DiscriminatorHead.MinibatchStdDevName, new MinibatchStdDev());
            width += 1;
        }
        layers.append(DiscriminatorHead.OutputName, c.DiscriminatorSpectralNorm
            ? new SpectralNormConv2d(width, 1, c.BaseSize, hasBias: false)
            : c.MatrixProductLayers ? new Im2ColConv2d(width, 1, c.BaseSize) : Conv2d(width, 1, c.BaseSize, stride: 1, padding: 0L, bias: false));
        RegisterComponents();
        DcganWeights.Initialize(this);
    }

    /// <summary>Maps images [batch, channels, size, size] to logits [batch].</summary>
    public override Tensor forward(Tensor images)
    {
        using var logits = layers.forward(images);
        return logits.view(-1);
    }

    /// <summary>The last hidden feature maps [batch, channels, base, base] (after the last LeakyReLU).</summary>
    public Tensor Features(Tensor images) => DiscriminatorHead.Features(layers, images);

    /// <summary>A 4×4 convolution of stride 2 that halves the resolution, spectrally normalised when the config says so.</summary>
    private static Module<Tensor, Tensor> Down(DcganConfig c, long inputs, long outputs) => c.DiscriminatorSpectralNorm
        ? new SpectralNormConv2d(inputs, outputs, 4, stride: 2, padding: 1, hasBias: false)
        : Conv2d(inputs, outputs, 4, stride: 2, padding: 1, bias: false);

    /// <summary>Logits [batch] from what <see cref="Features"/> returned.</summary>
    public Tensor Classify(Tensor features) => DiscriminatorHead.Classify(layers, features);
}
