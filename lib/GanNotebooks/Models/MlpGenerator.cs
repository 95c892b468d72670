using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// The fully connected generator: z → [Linear → LeakyReLU → BatchNorm] per hidden layer → Linear → tanh,
/// reshaped to images in [-1, 1]. With the default <see cref="MlpGanConfig"/> it has 1,493,520 parameters counting
/// BatchNorm's running statistics (as Keras does). Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class MlpGenerator : Module<Tensor, Tensor>
{
    private readonly Sequential layers;
    private readonly MlpGanConfig config;

    /// <summary>Builds the generator for <paramref name="config"/> (defaults when null).</summary>
    public MlpGenerator(MlpGanConfig? config = null) : base(nameof(MlpGenerator))
    {
        this.config = (config ?? new MlpGanConfig()).Validate();
        layers = Sequential();
        long width = this.config.LatentSize;
        for (int i = 0; i < this.config.GeneratorHidden.Count; i++)
        {
            long next = this.config.GeneratorHidden[i];
            layers.append($"linear{i + 1}", Linear(width, next));
            layers.append($"leaky{i + 1}", LeakyReLU(this.config.LeakySlope));
            layers.append($"norm{i + 1}", BatchNorm1d(next, momentum: this.config.BatchNormMomentum));
            width = next;
        }
        layers.append("output", Linear(width, this.config.ImagePixels));
        layers.append("tanh", Tanh());
        RegisterComponents();
    }

    /// <summary>The sizes this generator was built with.</summary>
    public MlpGanConfig Config => config;

    /// <summary>Maps noise [batch, latent] to images [batch, channels, size, size].</summary>
    public override Tensor forward(Tensor z)
    {
        using var flat = layers.forward(z);
        return flat.view(-1, config.Channels, config.ImageSize, config.ImageSize);
    }
}
