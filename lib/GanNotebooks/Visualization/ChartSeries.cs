namespace GanNotebooks.Visualization;

/// <summary>
/// One line of a <see cref="LineChart"/>: its name (shown in the legend) and its points.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="Name">The legend's text for the line.</param>
/// <param name="X">The x values, as many as <paramref name="Y"/>.</param>
/// <param name="Y">The y values.</param>
public sealed record ChartSeries(string Name, double[] X, double[] Y)
{
    /// <summary>A series whose x values are the step numbers 0, 1, 2, ...</summary>
    /// <param name="name">The legend's text for the line.</param>
    /// <param name="y">One value a step, e.g. the generator's loss after every batch.</param>
    public static ChartSeries OfSteps(string name, IReadOnlyList<double> y) =>
        new(name, Enumerable.Range(0, y.Count).Select(i => (double)i).ToArray(), y.ToArray());

    /// <summary>The same series smoothed by <see cref="Smoothing.MovingAverage"/>, named e.g. "loss (mean of 50)".</summary>
    /// <param name="window">How many points each average covers.</param>
    public ChartSeries Smoothed(int window) => new($"{Name} (mean of {window})", X, Smoothing.MovingAverage(Y, window));

    /// <summary>Throws when the name is empty or the arrays differ in length.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw new ArgumentException("A series needs a name for the legend.");
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(Y);
        if (X.Length != Y.Length)
            throw new ArgumentException($"Series '{Name}' has {X.Length} x values but {Y.Length} y values.");
    }
}
