using static TorchSharp.torch;

namespace GanNotebooks.Training;

/// <summary>
/// The gradient penalty of WGAN-GP (Gulrajani et al. 2017): E[(‖∇ₓD(x̂)‖₂ − 1)²] over points x̂ = ε·x + (1 − ε)·G(z)
/// on the straight lines between real and generated samples. It keeps the critic's gradient norm near 1, a soft form
/// of the 1-Lipschitz constraint the Wasserstein distance needs. Introduced in notebook 06-failure-modes.
/// </summary>
public static class GradientPenalty
{
    /// <summary>
    /// The penalty, unweighted (a scalar tensor that can be backpropagated into the critic's weights), for the
    /// critic <paramref name="critic"/> (samples → one score each), real and generated batches of the same shape and
    /// the mixing weights <paramref name="mix"/> [batch] in [0, 1] (ε = 1 picks the real sample).
    /// </summary>
    public static Tensor Compute(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, Tensor mix)
    {
        if (!real.shape.SequenceEqual(fake.shape))
            throw new ArgumentException($"real [{string.Join(", ", real.shape)}] and generated [{string.Join(", ", fake.shape)}] batches must have the same shape.", nameof(fake));
        if (mix.dim() != 1 || mix.shape[0] != real.shape[0])
            throw new ArgumentException($"mix must hold one weight per sample ([{real.shape[0]}]), got [{string.Join(", ", mix.shape)}].", nameof(mix));
        using var scope = NewDisposeScope();
        var shape = new long[real.dim()];
        Array.Fill(shape, 1L);
        shape[0] = real.shape[0];
        var weight = mix.to_type(real.dtype).view(shape);
        var between = (weight * real.detach() + (1 - weight) * fake.detach()).detach().requires_grad_(true);
        var scores = critic(between);
        var gradient = autograd.grad([scores.sum()], [between], retain_graph: true, create_graph: true)[0];
        var norms = linalg.vector_norm(gradient.flatten(1), 2, [1]);
        return (norms - 1).square().mean().MoveToOuterDisposeScope();
    }
}
