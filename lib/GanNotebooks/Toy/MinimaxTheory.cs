namespace GanNotebooks.Toy;

/// <summary>
/// The analytic facts of the GAN game for known one-dimensional densities, computed by numerical integration on a
/// grid: the optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x)), the generator's cost against it
/// C(G) = 𝔼_data[log D*] + 𝔼_g[log(1 − D*)], and the Jensen–Shannon divergence, which satisfy
/// C(G) = −log 4 + 2·JSD(p_data ‖ p_g). Introduced in notebook 01-minimax-objective.
/// </summary>
public static class MinimaxTheory
{
    /// <summary>D*(x) for densities <paramref name="data"/> and <paramref name="generated"/>; ½ where both vanish.</summary>
    public static double OptimalDiscriminator(GaussianMixture1D data, GaussianMixture1D generated, double x)
    {
        double p = data.Density(x), q = generated.Density(x);
        return p + q > 0 ? p / (p + q) : 0.5;
    }

    /// <summary>C(G) = max_D V(D, G): the value of the game when D plays optimally against this generator. The grid must cover both densities' mass.</summary>
    public static double GeneratorCost(GaussianMixture1D data, GaussianMixture1D generated, IntegrationGrid grid) =>
        grid.Integrate(x =>
        {
            double p = data.Density(x), q = generated.Density(x);
            return XLogY(p, p / (p + q)) + XLogY(q, q / (p + q));
        });

    /// <summary>JSD(p ‖ q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = (p + q) / 2, in nats (between 0 and log 2).</summary>
    public static double JensenShannon(GaussianMixture1D p, GaussianMixture1D q, IntegrationGrid grid) =>
        grid.Integrate(x =>
        {
            double a = p.Density(x), b = q.Density(x);
            return 0.5 * XLogY(a, 2 * a / (a + b)) + 0.5 * XLogY(b, 2 * b / (a + b));
        });

    /// <summary>x·log(y), taken as 0 where x is 0 (its limit), so empty regions add nothing.</summary>
    private static double XLogY(double x, double y) => x > 0 ? x * Math.Log(y) : 0;
}
