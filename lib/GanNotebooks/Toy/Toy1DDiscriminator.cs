using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Toy;

/// <summary>
/// A small discriminator for one-dimensional data: x [batch, 1] → two hidden layers with LeakyReLU → one logit per
/// sample (D(x) is its sigmoid). Introduced in notebook 01-minimax-objective.
/// </summary>
public sealed class Toy1DDiscriminator : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>A discriminator with <paramref name="hidden"/> units per hidden layer.</summary>
    public Toy1DDiscriminator(int hidden = 32) : base(nameof(Toy1DDiscriminator))
    {
        if (hidden <= 0) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "hidden width must be at least 1");
        layers = Sequential(
            ("linear1", Linear(1, hidden)), ("leaky1", LeakyReLU(0.2)),
            ("linear2", Linear(hidden, hidden)), ("leaky2", LeakyReLU(0.2)),
            ("output", Linear(hidden, 1)));
        RegisterComponents();
    }

    /// <summary>Maps samples [batch, 1] to logits [batch].</summary>
    public override Tensor forward(Tensor x)
    {
        using var logits = layers.forward(x);
        return logits.view(-1);
    }

    /// <summary>D(x) = sigmoid(logit) at each of <paramref name="xs"/>, evaluated without gradients.</summary>
    public double[] Probabilities(IReadOnlyList<double> xs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = tensor(xs.Select(v => (float)v).ToArray()).view(-1, 1);
        return forward(input).sigmoid().data<float>().Select(v => (double)v).ToArray();
    }
}
