using System.Globalization;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// One method of the Stacked MNIST benchmark: the DCGAN of notebook 04 on three channels, with a discriminator of
/// full, half or quarter width (<see cref="DiscriminatorDivisor"/>), optionally packed (PacGAN, <see cref="Packing"/>)
/// or with a minibatch standard deviation map (<see cref="MinibatchStdDev"/>). Names are a base,
/// <c>dcgan</c>, <c>pacgan2</c>, <c>pacgan4</c> or <c>minibatch-stddev</c>, followed by nothing (D as
/// wide as G), <c>-half-d</c> or <c>-quarter-d</c>; e.g. <c>dcgan-quarter-d</c> is the papers' harder setting.
/// <see cref="Parse"/> reads a name. Packing divides the batch into packs, so its m must divide the batch size (64):
/// hence m = 2 or 4. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed record StackedMnistMethod
{
    private static readonly (string Name, int Packing, bool StdDev)[] Bases =
        [("dcgan", 1, false), ("pacgan2", 2, false), ("pacgan4", 4, false), ("minibatch-stddev", 1, true)];

    private static readonly (string Suffix, int Divisor)[] Widths = [("", 1), ("-half-d", 2), ("-quarter-d", 4)];

    private StackedMnistMethod(string name, int packing, int discriminatorDivisor, bool minibatchStdDev)
    {
        Name = name;
        Packing = packing;
        DiscriminatorDivisor = discriminatorDivisor;
        MinibatchStdDev = minibatchStdDev;
    }

    /// <summary>The method's name, e.g. <c>pacgan4-quarter-d</c> (also its folder under the benchmark's output).</summary>
    public string Name { get; }

    /// <summary>Samples per pack the discriminator judges together (PacGAN's m); 1 means no packing.</summary>
    public int Packing { get; }

    /// <summary>D's feature maps are G's divided by this: 1 (as wide as G), 2 or 4.</summary>
    public int DiscriminatorDivisor { get; }

    /// <summary>Whether D appends the batch's mean standard deviation as an extra feature map (notebook 06).</summary>
    public bool MinibatchStdDev { get; }

    /// <summary>Every name <see cref="Parse"/> accepts, base by base.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = Bases.SelectMany(b => Widths.Select(w => b.Name + w.Suffix)).ToArray();

    /// <summary>The plain DCGAN, D as wide as G.</summary>
    public static StackedMnistMethod Dcgan => Parse("dcgan");

    /// <summary>The DCGAN with D at a quarter of G's width, the harder setting of PacGAN's Table 3.</summary>
    public static StackedMnistMethod DcganQuarterD => Parse("dcgan-quarter-d");

    /// <summary>The method called <paramref name="name"/> (case and surrounding spaces ignored).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="KnownNames"/>; the message lists them.</exception>
    public static StackedMnistMethod Parse(string? name) => TryParse(name, out var method) ? method
        : throw new ArgumentException($"unknown Stacked MNIST method '{name}'. Known methods: {string.Join(", ", KnownNames)}.", nameof(name));

    /// <summary>Reads a method name; false (and null) when it is not one of <see cref="KnownNames"/>.</summary>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StackedMnistMethod? method)
    {
        method = null;
        var text = name?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var (suffix, divisor) in Widths.OrderByDescending(w => w.Suffix.Length))
        {
            if (!text.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var baseName = text[..^suffix.Length];
            foreach (var b in Bases.Where(b => b.Name == baseName))
            {
                method = new StackedMnistMethod(text, b.Packing, divisor, b.StdDev);
                return true;
            }
            return false;
        }
        return false;
    }

    /// <summary>What the method changes, e.g. "packs of 4, D at 1/4 of G's width".</summary>
    public string Description
    {
        get
        {
            var parts = new List<string>();
            if (Packing > 1) parts.Add(string.Create(CultureInfo.InvariantCulture, $"packs of {Packing}"));
            if (MinibatchStdDev) parts.Add("minibatch std. dev. in D");
            parts.Add(DiscriminatorDivisor == 1 ? "D as wide as G" : $"D at 1/{DiscriminatorDivisor} of G's width");
            return string.Join(", ", parts);
        }
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
