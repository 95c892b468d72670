namespace GanNotebooks.Toy;

/// <summary>
/// Evenly spaced points on [From, To] and the trapezoidal rule over them, for integrals of smooth 1-D functions
/// such as densities. Introduced in notebook 01-minimax-objective.
/// </summary>
public sealed record IntegrationGrid
{
    /// <summary>A grid of <paramref name="points"/> points from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IntegrationGrid(double from, double to, int points = 20_001)
    {
        if (!(to > from)) throw new ArgumentException($"The grid needs from < to (got {from} and {to}).", nameof(to));
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "a grid needs at least 2 points");
        From = from;
        To = to;
        Points = points;
    }

    /// <summary>Left end.</summary>
    public double From { get; }

    /// <summary>Right end.</summary>
    public double To { get; }

    /// <summary>Number of points, ends included.</summary>
    public int Points { get; }

    /// <summary>Distance between neighbouring points.</summary>
    public double Step => (To - From) / (Points - 1);

    /// <summary>The grid's points.</summary>
    public double[] Xs() => Enumerable.Range(0, Points).Select(i => From + i * Step).ToArray();

    /// <summary>∫ f(x) dx over the grid by the trapezoidal rule.</summary>
    public double Integrate(Func<double, double> f)
    {
        double sum = 0.5 * (f(From) + f(To));
        for (int i = 1; i < Points - 1; i++) sum += f(From + i * Step);
        return sum * Step;
    }
}
