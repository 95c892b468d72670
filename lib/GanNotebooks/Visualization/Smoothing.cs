namespace GanNotebooks.Visualization;

/// <summary>
/// Smooths noisy curves such as per-step losses, so a trend shows through the noise of single batches.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class Smoothing
{
    /// <summary>
    /// The trailing moving average: point i becomes the mean of points i - window + 1 .. i (fewer at the start),
    /// so the result is as long as <paramref name="y"/> and never looks ahead. Values that are not finite (NaN,
    /// infinity) are left out of the means; a window with no finite value gives NaN.
    /// </summary>
    /// <param name="y">The values, e.g. one loss per step.</param>
    /// <param name="window">How many points each mean covers, at least 1 (1 returns a copy).</param>
    public static double[] MovingAverage(IReadOnlyList<double> y, int window)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var result = new double[y.Count];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < y.Count; i++)
        {
            if (double.IsFinite(y[i])) { sum += y[i]; count++; }
            if (i >= window && double.IsFinite(y[i - window])) { sum -= y[i - window]; count--; }
            result[i] = count > 0 ? sum / count : double.NaN;
        }
        return result;
    }
}
