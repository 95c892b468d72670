using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Toy;

/// <summary>
/// A small generator for one-dimensional data: noise [batch, latent] → two hidden layers with LeakyReLU →
/// one number per sample, unbounded. Introduced in notebook 01-minimax-objective.
/// </summary>
public sealed class Toy1DGenerator : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>A generator from <paramref name="latentSize"/> noise values through <paramref name="hidden"/> units.</summary>
    public Toy1DGenerator(int latentSize = 4, int hidden = 32) : base(nameof(Toy1DGenerator))
    {
        if (latentSize <= 0) throw new ArgumentOutOfRangeException(nameof(latentSize), latentSize, "latent size must be at least 1");
        if (hidden <= 0) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "hidden width must be at least 1");
        LatentSize = latentSize;
        layers = Sequential(
            ("linear1", Linear(latentSize, hidden)), ("leaky1", LeakyReLU(0.2)),
            ("linear2", Linear(hidden, hidden)), ("leaky2", LeakyReLU(0.2)),
            ("output", Linear(hidden, 1)));
        RegisterComponents();
    }

    /// <summary>Length of the noise vector.</summary>
    public int LatentSize { get; }

    /// <summary>Maps noise [batch, latent] to samples [batch, 1].</summary>
    public override Tensor forward(Tensor z) => layers.forward(z);
}
