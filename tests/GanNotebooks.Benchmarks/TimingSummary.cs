namespace GanNotebooks.Benchmarks;

/// <summary>Median and spread of repeated measurements (milliseconds per iteration, or any other unit).</summary>
/// <param name="Values">The measurements, one per repetition.</param>
public sealed record TimingSummary(IReadOnlyList<double> Values)
{
    /// <summary>The middle value.</summary>
    public double Median => Quantile(0.5);

    /// <summary>The first quartile.</summary>
    public double LowerQuartile => Quantile(0.25);

    /// <summary>The third quartile.</summary>
    public double UpperQuartile => Quantile(0.75);

    /// <summary>The smallest value.</summary>
    public double Min => Values.Min();

    /// <summary>Interquartile range as a share of the median: how much the repetitions disagree.</summary>
    public double RelativeSpread => (UpperQuartile - LowerQuartile) / Median;

    /// <summary>The <paramref name="q"/>-quantile, linearly interpolated.</summary>
    public double Quantile(double q)
    {
        if (Values.Count == 0) throw new InvalidOperationException("no measurements");
        var sorted = Values.Order().ToArray();
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>"median (IQR low–high)" with <paramref name="format"/>.</summary>
    public string Describe(string format = "F1") =>
        $"{Median.ToString(format)} ({LowerQuartile.ToString(format)}–{UpperQuartile.ToString(format)})";
}
