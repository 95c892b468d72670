using static TorchSharp.torch;

namespace GanNotebooks.Toy;

/// <summary>
/// A density estimate of one-dimensional samples: bin counts divided by (count × bin width), so that it can be drawn
/// on the same axes as a true density. Introduced in notebook 01-minimax-objective.
/// </summary>
public static class Histogram1D
{
    /// <summary>Bin centres and densities of <paramref name="samples"/> over [<paramref name="from"/>, <paramref name="to"/>]; samples outside are counted in no bin.</summary>
    public static (double[] Centers, double[] Density) Of(Tensor samples, double from, double to, int bins = 60)
    {
        if (!(to > from)) throw new ArgumentException($"The range needs from < to (got {from} and {to}).", nameof(to));
        if (bins <= 0) throw new ArgumentOutOfRangeException(nameof(bins), bins, "at least one bin is needed");
        var values = samples.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        double width = (to - from) / bins;
        var counts = new double[bins];
        foreach (var v in values)
        {
            if (v < from || v >= to) continue;
            counts[Math.Min(bins - 1, (int)((v - from) / width))]++;
        }
        var centers = Enumerable.Range(0, bins).Select(i => from + (i + 0.5) * width).ToArray();
        return (centers, counts.Select(c => values.Length > 0 ? c / (values.Length * width) : 0).ToArray());
    }
}
