using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>
/// Precision and recall of a generated distribution with k-nearest-neighbour manifolds (Kynkäänniemi et al., 2019).
/// Each point's radius is the distance to its k-th nearest neighbour within its own set; a set's manifold is the
/// union of the balls around its points. Precision = share of generated points inside the real manifold
/// (‖g − r‖ ≤ radius(r) for some real r): how many samples look real. Recall = share of real points inside the
/// generated manifold: how much of the real variety the generator reaches. A collapsed generator has high
/// precision and low recall. Distances are computed in row blocks (torch.cdist) so memory stays bounded.
/// Introduced in notebook 07-evaluating-gans.
/// </summary>
/// <param name="Precision">Share of generated points inside the real manifold, in [0, 1].</param>
/// <param name="Recall">Share of real points inside the generated manifold, in [0, 1].</param>
/// <param name="K">The neighbour that set each radius.</param>
public sealed record PrecisionRecall(double Precision, double Recall, int K)
{
    /// <summary>Default neighbour count, as in the paper: 3.</summary>
    public const int DefaultK = 3;

    /// <summary>
    /// Precision and recall of <paramref name="generated"/> [M, D] against <paramref name="real"/> [N, D]; each set
    /// needs more than <paramref name="k"/> points. <paramref name="blockRows"/> bounds the distance block to
    /// blockRows × max(N, M) values.
    /// </summary>
    public static PrecisionRecall Compute(Tensor real, Tensor generated, int k = DefaultK, int blockRows = 1024)
    {
        if (k < 1) throw new ArgumentException($"k = {k} must be at least 1 (default {DefaultK}).", nameof(k));
        if (blockRows < 1) throw new ArgumentException($"blockRows = {blockRows} must be at least 1.", nameof(blockRows));
        Check(real, k, nameof(real));
        Check(generated, k, nameof(generated));
        if (real.shape[1] != generated.shape[1])
            throw new ArgumentException($"feature widths differ: {real.shape[1]} and {generated.shape[1]}.", nameof(generated));
        using var scope = NewDisposeScope();
        var r = real.detach().to_type(ScalarType.Float32);
        var g = generated.detach().to_type(ScalarType.Float32);
        var realRadii = Radii(r, k, blockRows);
        var generatedRadii = Radii(g, k, blockRows);
        return new PrecisionRecall(ShareInside(g, r, realRadii, blockRows), ShareInside(r, g, generatedRadii, blockRows), k);
    }

    /// <summary>Distance from each row to its k-th nearest other row of the same set [N].</summary>
    public static Tensor Radii(Tensor points, int k, int blockRows = 1024)
    {
        Check(points, k, nameof(points));
        using var scope = NewDisposeScope();
        var blocks = new List<Tensor>();
        for (long start = 0; start < points.shape[0]; start += blockRows)
        {
            var block = points.narrow(0, start, Math.Min(blockRows, points.shape[0] - start));
            // The k + 1 smallest distances include the point itself at 0; the (k + 1)-th is the k-th neighbour.
            var (values, _) = cdist(block, points).topk(k + 1, dim: 1, largest: false, sorted: true);
            blocks.Add(values.select(1, k));
        }
        return cat(blocks, 0).MoveToOuterDisposeScope();
    }

    /// <summary>Share of <paramref name="queries"/> within the radius of at least one row of <paramref name="points"/>.</summary>
    private static double ShareInside(Tensor queries, Tensor points, Tensor radii, int blockRows)
    {
        long inside = 0;
        var limit = radii.unsqueeze(0);
        for (long start = 0; start < queries.shape[0]; start += blockRows)
        {
            using var scope = NewDisposeScope();
            var block = queries.narrow(0, start, Math.Min(blockRows, queries.shape[0] - start));
            inside += cdist(block, points).le(limit).any(1).sum().item<long>();
        }
        return inside / (double)queries.shape[0];
    }

    private static void Check(Tensor points, int k, string name)
    {
        if (points.dim() != 2)
            throw new ArgumentException($"expected points [N, D], got shape [{string.Join(", ", points.shape)}].", name);
        if (points.shape[0] <= k)
            throw new ArgumentException($"k = {k} needs more than {k} points, got {points.shape[0]}.", name);
    }
}
