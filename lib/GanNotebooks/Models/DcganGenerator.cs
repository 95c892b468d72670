using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// The DCGAN generator: z is read as a 1×1 image with <see cref="DcganConfig.LatentSize"/> channels; a transposed
/// convolution projects it to the base size (7×7 or 4×4), then each stage doubles the resolution with a 4×4
/// transposed convolution of stride 2 and halves the channels; BatchNorm and ReLU follow every layer but the last,
/// which ends in tanh. Weights start from N(0, 0.02) (<see cref="DcganWeights"/>). With
/// <see cref="DcganConfig.MatrixProductLayers"/> the projection is computed as the matrix product it is
/// (<see cref="LatentProjection"/>), and for grey images so is the last layer (<see cref="Col2ImConvTranspose2d"/>):
/// on a CPU both are faster that way than in the convolution library, which wins again for three output channels.
/// Introduced in notebook 04-dcgan.
/// </summary>
public sealed class DcganGenerator : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>Builds the generator for <paramref name="config"/> (defaults when null).</summary>
    public DcganGenerator(DcganConfig? config = null) : base(nameof(DcganGenerator))
    {
        Config = (config ?? new DcganConfig()).Validate();
        layers = Sequential();
        long width = Config.GeneratorFeatures << (Config.Stages - 1);
        layers.append("project", Config.MatrixProductLayers
            ? new LatentProjection(Config.LatentSize, width, Config.BaseSize)
            : ConvTranspose2d(Config.LatentSize, width, Config.BaseSize, stride: 1, padding: 0, bias: false));
        layers.append("norm0", BatchNorm2d(width));
        layers.append("relu0", ReLU());
        for (int stage = 1; stage < Config.Stages; stage++)
        {
            layers.append($"up{stage}", ConvTranspose2d(width, width / 2, 4, stride: 2, padding: 1, bias: false));
            layers.append($"norm{stage}", BatchNorm2d(width / 2));
            layers.append($"relu{stage}", ReLU());
            width /= 2;
        }
        layers.append("output", Config.MatrixProductLayers && Config.Channels == 1
            ? new Col2ImConvTranspose2d(width, 1, 4, stride: 2, padding: 1)
            : ConvTranspose2d(width, Config.Channels, 4, stride: 2, padding: 1, bias: false));
        layers.append("tanh", Tanh());
        RegisterComponents();
        DcganWeights.Initialize(this);
    }

    /// <summary>The sizes this generator was built with.</summary>
    public DcganConfig Config { get; }

    /// <summary>Maps noise [batch, latent] to images [batch, channels, size, size] in [-1, 1].</summary>
    public override Tensor forward(Tensor z)
    {
        using var asImage = z.view(z.shape[0], Config.LatentSize, 1, 1);   // LatentProjection reads it as [batch, latent]
        return layers.forward(asImage);
    }
}
