using static TorchSharp.torch;

namespace GanNotebooks.Visualization;

/// <summary>
/// Pictures of 2-D samples: a square picture of the plane from −extent to +extent on both axes (x to the right,
/// y up), where each pixel's brightness grows with the number of samples in it (log scale, so a single stray sample
/// stays visible next to a dense mode), and optional marks (for example the true modes of a mixture) drawn as small
/// red crosses beneath the samples: a covered mode looks white, a missed one red. The result is a [3, size, size]
/// RGB image in 0..1 that <see cref="ImageGrid"/> lays out and encodes. Introduced in notebook 06-failure-modes.
/// </summary>
public static class PointDensity
{
    /// <summary>Renders <paramref name="points"/> [N, 2] as a [3, <paramref name="size"/>, <paramref name="size"/>] RGB image in 0..1.</summary>
    /// <param name="points">The samples, one (x, y) per row; samples outside the square are left out.</param>
    /// <param name="extent">Half the width of the square shown, in the samples' units.</param>
    /// <param name="size">Pixels per side.</param>
    /// <param name="marks">Points drawn as red crosses (3 pixels wide) under the samples, e.g. a mixture's means.</param>
    public static Tensor Render(Tensor points, double extent = 3.0, int size = 96, IReadOnlyList<(double X, double Y)>? marks = null)
    {
        if (points.dim() != 2 || points.shape[1] != 2)
            throw new ArgumentException($"expected points [N, 2], got [{string.Join(", ", points.shape)}].", nameof(points));
        if (!(extent > 0) || double.IsInfinity(extent)) throw new ArgumentOutOfRangeException(nameof(extent), extent, "must be a positive number");
        if (size < 8 || size > 4096) throw new ArgumentOutOfRangeException(nameof(size), size, "must be between 8 and 4096 pixels");
        using var scope = NewDisposeScope();
        var p = points.detach().cpu().to_type(ScalarType.Float64);
        var column = p[.., 0].add(extent).div(2 * extent).mul(size).floor().to_type(ScalarType.Int64);
        var row = p[.., 1].neg().add(extent).div(2 * extent).mul(size).floor().to_type(ScalarType.Int64);   // y up
        var inside = column.ge(0).logical_and(column.lt(size)).logical_and(row.ge(0)).logical_and(row.lt(size));
        var cells = row.masked_select(inside).mul(size).add(column.masked_select(inside));
        var counts = cells.numel() == 0
            ? zeros(size * size, ScalarType.Float64)
            : cells.bincount(null, size * size).to_type(ScalarType.Float64);
        var peak = counts.max().item<double>();
        var brightness = (peak > 0 ? counts.log1p().div(Math.Log(1 + peak)) : counts).view(size, size).to_type(ScalarType.Float32);

        var red = brightness.clone();
        foreach (var (x, y) in marks ?? [])
        {
            int c = (int)Math.Floor((x + extent) / (2 * extent) * size), r = (int)Math.Floor((extent - y) / (2 * extent) * size);
            foreach (var (dr, dc) in new[] { (0, 0), (-1, 0), (1, 0), (0, -1), (0, 1) })
                if (r + dr >= 0 && r + dr < size && c + dc >= 0 && c + dc < size) red[r + dr, c + dc] = red[r + dr, c + dc].clamp_min(0.8f);
        }
        return stack([red, brightness, brightness]).MoveToOuterDisposeScope();
    }
}
