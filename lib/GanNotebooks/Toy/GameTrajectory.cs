namespace GanNotebooks.Toy;

/// <summary>
/// The points (xₜ, yₜ) a two-player game visits, starting point included. Introduced in notebook
/// 01-minimax-objective.
/// </summary>
/// <param name="X">The minimising player's positions.</param>
/// <param name="Y">The maximising player's positions.</param>
public sealed record GameTrajectory(double[] X, double[] Y)
{
    /// <summary>Distance from the equilibrium (0, 0) at each step.</summary>
    public double[] Radius() => X.Zip(Y, (x, y) => Math.Sqrt(x * x + y * y)).ToArray();

    /// <summary>The running average of the points: (x̄ₜ, ȳₜ) = mean of the first t + 1 points.</summary>
    public GameTrajectory Averaged()
    {
        var ax = new double[X.Length];
        var ay = new double[Y.Length];
        double sx = 0, sy = 0;
        for (int t = 0; t < X.Length; t++)
        {
            sx += X[t];
            sy += Y[t];
            ax[t] = sx / (t + 1);
            ay[t] = sy / (t + 1);
        }
        return new GameTrajectory(ax, ay);
    }
}
