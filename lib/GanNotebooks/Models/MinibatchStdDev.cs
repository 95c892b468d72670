using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// Minibatch standard deviation (Karras et al. 2018): appends one number that describes the whole batch, the
/// standard deviation of every feature across the batch, averaged over features (and positions). It is appended as
/// one extra feature to [batch, features] inputs and as one extra constant feature map to [batch, channels, height,
/// width] inputs. A collapsed generator produces batches with little variety, which D can then see directly.
/// The standard deviation is √(variance + ε) with ε = <see cref="Epsilon"/> to keep its gradient finite, so a batch
/// of identical inputs gives √ε = 1e-4 (zero up to ε). Introduced in notebook 06-failure-modes.
/// </summary>
public sealed class MinibatchStdDev : Module<Tensor, Tensor>
{
    /// <summary>Added to the variance before the square root.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>A layer without weights.</summary>
    public MinibatchStdDev() : base(nameof(MinibatchStdDev))
    {
    }

    /// <summary>Maps [batch, n, …] to [batch, n + 1, …], the new feature (or map) holding the batch's mean standard deviation.</summary>
    public override Tensor forward(Tensor x)
    {
        if (x.dim() < 2) throw new ArgumentException($"expected a batch [batch, features, …], got shape [{string.Join(", ", x.shape)}].", nameof(x));
        using var scope = NewDisposeScope();
        var variance = x.var(0, unbiased: false);
        var meanStd = (variance + Epsilon).sqrt().mean();
        var shape = x.shape.ToArray();
        shape[1] = 1;
        var extra = meanStd.expand(shape);
        return cat([x, extra], 1).MoveToOuterDisposeScope();
    }
}
