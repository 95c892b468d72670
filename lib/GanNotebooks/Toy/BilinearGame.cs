namespace GanNotebooks.Toy;

/// <summary>
/// The simplest adversarial game, min over x, max over y of f(x, y) = x·y, whose only equilibrium is (0, 0). The
/// gradients are ∂f/∂x = y and ∂f/∂y = x. With step size α, simultaneous steps multiply the distance to the
/// equilibrium by exactly √(1 + α²) each step; alternating steps preserve area and orbit; extragradient steps
/// multiply it by √(1 − α² + α⁴) &lt; 1 and converge. Introduced in notebook 01-minimax-objective.
/// </summary>
public static class BilinearGame
{
    /// <summary>Plays <paramref name="steps"/> steps of <paramref name="rule"/> from (x₀, y₀) with step size <paramref name="stepSize"/>.</summary>
    public static GameTrajectory Play(BilinearUpdate rule, double x0, double y0, double stepSize, int steps)
    {
        if (!(stepSize > 0)) throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "the step size must be positive");
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "the number of steps cannot be negative");
        var xs = new double[steps + 1];
        var ys = new double[steps + 1];
        double x = x0, y = y0, a = stepSize;
        xs[0] = x;
        ys[0] = y;
        for (int t = 1; t <= steps; t++)
        {
            (x, y) = rule switch
            {
                BilinearUpdate.Simultaneous => (x - a * y, y + a * x),
                BilinearUpdate.Alternating => Alternate(x, y, a),
                BilinearUpdate.Extragradient => (x - a * (y + a * x), y + a * (x - a * y)),
                _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown update rule"),
            };
            xs[t] = x;
            ys[t] = y;
        }
        return new GameTrajectory(xs, ys);
    }

    /// <summary>The factor by which one step of <paramref name="rule"/> multiplies the distance to (0, 0), where it is constant.</summary>
    public static double RadiusFactor(BilinearUpdate rule, double stepSize) => rule switch
    {
        BilinearUpdate.Simultaneous => Math.Sqrt(1 + stepSize * stepSize),
        BilinearUpdate.Extragradient => Math.Sqrt(1 - stepSize * stepSize + Math.Pow(stepSize, 4)),
        _ => throw new ArgumentException($"{rule} steps do not change the radius by a constant factor.", nameof(rule)),
    };

    private static (double, double) Alternate(double x, double y, double a)
    {
        double next = x - a * y;
        return (next, y + a * next);
    }
}
