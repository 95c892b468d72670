using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Family;

/// <summary>
/// A LAPGAN refinement discriminator D(h, l): judges a residual h (or, equally, the image l + h) together with the
/// up-sampled coarser image l it belongs to, so it can tell a residual that does not fit its coarse image. The pair
/// is stacked as channels; a 3×3 convolution, a 4×4 stride-2 convolution (LeakyReLU 0.2 after each) and a linear
/// layer give one logit. Introduced in notebook 08-gan-family.
/// </summary>
public sealed class LapganResidualDiscriminator : Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>Builds the discriminator for <paramref name="config"/> (defaults when null).</summary>
    public LapganResidualDiscriminator(LapganLevelConfig? config = null) : base(nameof(LapganResidualDiscriminator))
    {
        Config = (config ?? new LapganLevelConfig()).Validate();
        long half = Config.ImageSize / 2;
        layers = Sequential(
            ("conv1", Conv2d(2 * Config.Channels, Config.Features, 3, padding: 1)),
            ("leaky1", LeakyReLU(0.2)),
            ("down2", Conv2d(Config.Features, Config.Features, 4, stride: 2, padding: 1)),
            ("leaky2", LeakyReLU(0.2)),
            ("flatten", Flatten()),
            ("output", Linear(Config.Features * half * half, 1)));
        RegisterComponents();
    }

    /// <summary>The sizes this discriminator was built with.</summary>
    public LapganLevelConfig Config { get; }

    /// <summary>Maps residuals and up-sampled coarse images (both [batch, channels, size, size]) to logits [batch].</summary>
    public override Tensor forward(Tensor residual, Tensor coarseUpsampled)
    {
        if (!residual.shape.SequenceEqual(coarseUpsampled.shape))
            throw new ArgumentException($"the residual [{string.Join(", ", residual.shape)}] and the up-sampled image [{string.Join(", ", coarseUpsampled.shape)}] must have the same shape.", nameof(coarseUpsampled));
        using var scope = NewDisposeScope();
        return layers.forward(cat([residual, coarseUpsampled], 1)).view(-1).MoveToOuterDisposeScope();
    }
}
