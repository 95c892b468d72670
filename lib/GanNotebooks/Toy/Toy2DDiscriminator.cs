using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Toy;

/// <summary>
/// A small discriminator for 2-D points: x [batch, 2] → [Linear → LeakyReLU] per hidden layer (the features) →
/// [minibatch standard deviation →] Linear → one logit per point (D(x) is its sigmoid; a Wasserstein critic uses
/// the raw value). With the default
/// <see cref="Toy2DGanConfig"/> it has 17,025 parameters. Introduced in notebook 06-failure-modes.
/// </summary>
public sealed class Toy2DDiscriminator : Module<Tensor, Tensor>, Models.IFeatureDiscriminator
{
    private readonly Sequential features;
    private readonly Sequential head;

    /// <summary>Builds the discriminator for <paramref name="config"/> (defaults when null).</summary>
    public Toy2DDiscriminator(Toy2DGanConfig? config = null) : base(nameof(Toy2DDiscriminator))
    {
        Config = (config ?? new Toy2DGanConfig()).Validate();
        features = Sequential();
        long width = 2;
        for (int i = 0; i < Config.DiscriminatorHidden.Count; i++)
        {
            long next = Config.DiscriminatorHidden[i];
            features.append($"linear{i + 1}", Config.DiscriminatorSpectralNorm ? new Models.SpectralNormLinear(width, next) : Linear(width, next));
            features.append($"leaky{i + 1}", LeakyReLU(Config.LeakySlope));
            width = next;
        }
        head = Sequential();
        if (Config.DiscriminatorMinibatchStdDev)
        {
            head.append(Models.DiscriminatorHead.MinibatchStdDevName, new Models.MinibatchStdDev());
            width += 1;
        }
        head.append(Models.DiscriminatorHead.OutputName, Config.DiscriminatorSpectralNorm ? new Models.SpectralNormLinear(width, 1) : Linear(width, 1));
        RegisterComponents();
    }

    /// <summary>The sizes this discriminator was built with.</summary>
    public Toy2DGanConfig Config { get; }

    /// <summary>Maps points [batch, 2] to logits [batch].</summary>
    public override Tensor forward(Tensor points)
    {
        using var scope = NewDisposeScope();
        return Classify(Features(points)).MoveToOuterDisposeScope();
    }

    /// <summary>The last hidden layer's activations [batch, width] for points [batch, 2].</summary>
    public Tensor Features(Tensor points) => features.forward(points);

    /// <summary>Logits [batch] from last-hidden-layer activations (what <see cref="Features"/> returns).</summary>
    public Tensor Classify(Tensor hidden)
    {
        using var logits = head.forward(hidden);
        return logits.view(-1);
    }
}
