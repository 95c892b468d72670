using static TorchSharp.torch;

namespace GanNotebooks.Toy;

/// <summary>
/// A one-dimensional mixture of Gaussians: an exactly known density p(x) = Σ wₖ 𝒩(x; μₖ, σₖ²) to sample from and to
/// compare a GAN against. Introduced in notebook 01-minimax-objective.
/// </summary>
public sealed class GaussianMixture1D
{
    private readonly GaussianComponent[] components;
    private readonly double[] cumulative;

    /// <summary>A mixture of <paramref name="components"/>; weights are normalised to sum to 1.</summary>
    public GaussianMixture1D(params GaussianComponent[] components)
    {
        if (components.Length == 0) throw new ArgumentException("A mixture needs at least one component.", nameof(components));
        foreach (var c in components)
        {
            if (!(c.Weight > 0)) throw new ArgumentException($"Component weight {c.Weight} must be positive.", nameof(components));
            if (!(c.Std > 0)) throw new ArgumentException($"Component standard deviation {c.Std} must be positive.", nameof(components));
        }
        double total = components.Sum(c => c.Weight);
        this.components = components.Select(c => c with { Weight = c.Weight / total }).ToArray();
        cumulative = new double[this.components.Length];
        double run = 0;
        for (int i = 0; i < this.components.Length; i++) cumulative[i] = run += this.components[i].Weight;
    }

    /// <summary>A single Gaussian 𝒩(mean, std²).</summary>
    public static GaussianMixture1D Gaussian(double mean, double std) => new(new GaussianComponent(1, mean, std));

    /// <summary>The normalised components.</summary>
    public IReadOnlyList<GaussianComponent> Components => components;

    /// <summary>The density at <paramref name="x"/>.</summary>
    public double Density(double x)
    {
        double p = 0;
        foreach (var c in components)
        {
            double u = (x - c.Mean) / c.Std;
            p += c.Weight * Math.Exp(-0.5 * u * u) / (c.Std * Math.Sqrt(2 * Math.PI));
        }
        return p;
    }

    /// <summary>The density at each of <paramref name="xs"/>.</summary>
    public double[] Density(IReadOnlyList<double> xs) => xs.Select(Density).ToArray();

    /// <summary>The mixture's mean Σ wₖ μₖ.</summary>
    public double Mean => components.Sum(c => c.Weight * c.Mean);

    /// <summary><paramref name="count"/> samples as a tensor [count, 1], reproducible from <paramref name="seed"/>.</summary>
    public Tensor Sample(int count, int seed)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "the number of samples must be at least 1");
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            double u = random.NextDouble();
            int k = Array.FindIndex(cumulative, c => u <= c);
            var c = components[k < 0 ? components.Length - 1 : k];
            values[i] = (float)(c.Mean + c.Std * StandardNormal(random));
        }
        return tensor(values).view(count, 1);
    }

    private static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
