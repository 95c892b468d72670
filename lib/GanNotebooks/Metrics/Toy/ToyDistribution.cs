using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics.Toy;

/// <summary>
/// A 2-D mixture of equally likely Gaussians with one shared standard deviation σ, the toy target on which mode
/// collapse is easy to see and to count: <see cref="Ring"/> (8 modes on a circle of radius 2, σ = 0.02, as in the
/// Unrolled GAN paper) and <see cref="Grid"/> (5 × 5 modes at −4, −2, 0, 2, 4, σ = 0.05). Samplers are seeded;
/// <see cref="Evaluate"/> scores samples with <see cref="ToyMetrics"/>. Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed class ToyDistribution
{
    /// <summary>A mixture with the given mode centres and standard deviation.</summary>
    public ToyDistribution(string name, IReadOnlyList<(double X, double Y)> means, double std)
    {
        if (means.Count < 1) throw new ArgumentException("a mixture needs at least one mode.", nameof(means));
        if (!(std > 0) || double.IsInfinity(std))
            throw new ArgumentException($"std = {std} must be a positive number (the ring uses 0.02, the grid 0.05).", nameof(std));
        Name = name;
        Means = means.ToArray();
        Std = std;
    }

    /// <summary>A short name, e.g. "ring of 8".</summary>
    public string Name { get; }

    /// <summary>The mode centres.</summary>
    public IReadOnlyList<(double X, double Y)> Means { get; }

    /// <summary>The standard deviation σ of every mode (both coordinates).</summary>
    public double Std { get; }

    /// <summary>Number of modes.</summary>
    public int ModeCount => Means.Count;

    /// <summary>
    /// <paramref name="modes"/> Gaussians evenly spaced on a circle of <paramref name="radius"/>, the first at angle 0.
    /// Defaults: 8 modes, radius 2, σ = 0.02.
    /// </summary>
    public static ToyDistribution Ring(int modes = 8, double radius = 2, double std = 0.02)
    {
        if (modes < 1) throw new ArgumentException($"modes = {modes} must be at least 1 (default 8).", nameof(modes));
        if (!(radius > 0)) throw new ArgumentException($"radius = {radius} must be positive (default 2).", nameof(radius));
        var means = Enumerable.Range(0, modes)
            .Select(i => 2 * Math.PI * i / modes)
            .Select(a => (radius * Math.Cos(a), radius * Math.Sin(a)))
            .ToArray();
        return new ToyDistribution($"ring of {modes}", means, std);
    }

    /// <summary>
    /// A <paramref name="side"/> × <paramref name="side"/> grid of Gaussians <paramref name="spacing"/> apart, centred
    /// on the origin. Defaults: 5 × 5, spacing 2 (centres at −4 … 4), σ = 0.05.
    /// </summary>
    public static ToyDistribution Grid(int side = 5, double spacing = 2, double std = 0.05)
    {
        if (side < 1) throw new ArgumentException($"side = {side} must be at least 1 (default 5).", nameof(side));
        if (!(spacing > 0)) throw new ArgumentException($"spacing = {spacing} must be positive (default 2).", nameof(spacing));
        var offset = (side - 1) / 2.0;
        var means = (from i in Enumerable.Range(0, side) from j in Enumerable.Range(0, side)
                     select ((i - offset) * spacing, (j - offset) * spacing)).ToArray();
        return new ToyDistribution($"{side}×{side} grid", means, std);
    }

    /// <summary>
    /// <paramref name="count"/> points [count, 2] (float32), each from a uniformly chosen mode, reproducible from
    /// <paramref name="seed"/> (TorchSharp's global generator is not touched). <paramref name="onlyMode"/> draws
    /// every point from that one mode, e.g. to imitate a collapsed generator.
    /// </summary>
    public Tensor Sample(int count, int seed, int? onlyMode = null)
    {
        if (count < 1) throw new ArgumentException($"count = {count} must be at least 1.", nameof(count));
        if (onlyMode is { } m && (m < 0 || m >= ModeCount))
            throw new ArgumentException($"onlyMode = {m} is not a mode (0 to {ModeCount - 1}).", nameof(onlyMode));
        var random = new Random(seed);
        var values = new float[count * 2];
        for (int i = 0; i < count; i++)
        {
            var (x, y) = Means[onlyMode ?? random.Next(ModeCount)];
            values[2 * i] = (float)(x + Std * Gaussian(random));
            values[2 * i + 1] = (float)(y + Std * Gaussian(random));
        }
        return tensor(values, [count, 2]);
    }

    /// <summary>Mode coverage and sample quality of <paramref name="samples"/> [N, 2]; see <see cref="ToyMetrics.Compute"/>.</summary>
    public ToyMetrics Evaluate(Tensor samples, double minShare = ToyMetrics.DefaultMinShare, int minCount = 1) =>
        ToyMetrics.Compute(this, samples, minShare, minCount);

    private static double Gaussian(Random random)
    {
        // Box–Muller: two uniforms in (0, 1] give one standard normal value.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
