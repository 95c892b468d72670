using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Family;

/// <summary>
/// A LAPGAN refinement generator G(z, l): given the up-sampled coarser image l, it draws the band-pass residual h
/// that makes l + h a sharper image at this level. The noise z is projected to one extra map and stacked onto l;
/// three 3×3 convolutions (ReLU between) give the residual. The output is linear: residuals are small and signed.
/// Introduced in notebook 08-gan-family.
/// </summary>
public sealed class LapganResidualGenerator : Module<Tensor, Tensor, Tensor>
{
    private readonly Linear noiseMap;
    private readonly Sequential layers;

    /// <summary>Builds the generator for <paramref name="config"/> (defaults when null).</summary>
    public LapganResidualGenerator(LapganLevelConfig? config = null) : base(nameof(LapganResidualGenerator))
    {
        Config = (config ?? new LapganLevelConfig()).Validate();
        noiseMap = Linear(Config.LatentSize, Config.ImageSize * Config.ImageSize);
        layers = Sequential(
            ("conv1", Conv2d(Config.Channels + 1, Config.Features, 3, padding: 1)),
            ("relu1", ReLU()),
            ("conv2", Conv2d(Config.Features, Config.Features, 3, padding: 1)),
            ("relu2", ReLU()),
            ("output", Conv2d(Config.Features, Config.Channels, 3, padding: 1)));
        RegisterComponents();
    }

    /// <summary>The sizes this generator was built with.</summary>
    public LapganLevelConfig Config { get; }

    /// <summary>Maps noise [batch, latent] and up-sampled coarse images [batch, channels, size, size] to residuals of the same shape as the images.</summary>
    public override Tensor forward(Tensor z, Tensor coarseUpsampled)
    {
        int s = Config.ImageSize;
        if (z.dim() != 2 || z.shape[1] != Config.LatentSize)
            throw new ArgumentException($"expected noise [batch, {Config.LatentSize}], got [{string.Join(", ", z.shape)}].", nameof(z));
        if (coarseUpsampled.dim() != 4 || coarseUpsampled.shape[1] != Config.Channels || coarseUpsampled.shape[2] != s || coarseUpsampled.shape[3] != s)
            throw new ArgumentException($"expected up-sampled images [batch, {Config.Channels}, {s}, {s}], got [{string.Join(", ", coarseUpsampled.shape)}].", nameof(coarseUpsampled));
        using var scope = NewDisposeScope();
        var map = noiseMap.forward(z).view(-1, 1, s, s);
        return layers.forward(cat([coarseUpsampled, map], 1)).MoveToOuterDisposeScope();
    }
}
