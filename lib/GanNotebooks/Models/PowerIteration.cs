using static TorchSharp.torch;

namespace GanNotebooks.Models;

/// <summary>
/// The power iteration behind spectral normalisation: with a unit vector u, v = Wᵀu/‖Wᵀu‖, then u = Wv/‖Wv‖, and
/// σ = uᵀWv approaches W's largest singular value as the iterations go on. Weights of any shape are read as a matrix
/// [rows = first dimension, columns = the rest]. Introduced in notebook 06-failure-modes.
/// </summary>
internal static class PowerIteration
{
    private const double Tiny = 1e-12;

    /// <summary>A random unit vector for a weight with <paramref name="rows"/> rows (drawn from TorchSharp's global generator).</summary>
    public static Tensor InitialVector(long rows)
    {
        using var scope = NewDisposeScope();
        return Normalize(randn(rows)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// σ for <paramref name="weight"/> as a tensor that carries gradients into the weight (u and v count as
    /// constants). When <paramref name="update"/> is set, first takes one power-iteration step and stores the new u
    /// in <paramref name="u"/> in place.
    /// </summary>
    public static Tensor Sigma(Tensor weight, Tensor u, bool update)
    {
        using var scope = NewDisposeScope();
        var matrix = weight.view(weight.shape[0], -1);
        Tensor v, uNow;
        using (no_grad())
        {
            var fixedMatrix = matrix.detach();
            v = Normalize(fixedMatrix.t().mv(u));
            if (update)
            {
                u.copy_(Normalize(fixedMatrix.mv(v)));
                v = Normalize(fixedMatrix.t().mv(u));
            }
            // A copy: the next forward pass updates u in place, and autograd must still find this value.
            uNow = u.clone();
        }
        return uNow.dot(matrix.mv(v)).MoveToOuterDisposeScope();
    }

    private static Tensor Normalize(Tensor x) => x / x.norm().clamp_min(Tiny);
}
