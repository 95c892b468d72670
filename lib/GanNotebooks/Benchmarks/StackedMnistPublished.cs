namespace GanNotebooks.Benchmarks;

/// <summary>
/// The published Stacked MNIST figures the benchmark is compared with, from PacGAN (Lin, Khetan, Fanti and Oh,
/// NeurIPS 2018), Tables 2 and 3. Their protocol: 128,000 stacked training images, 50 epochs, batch 64, Adam 2·10⁻⁴
/// with β1 = 0.5, z of 100 dimensions, 26,000 generated samples counted; their networks are those of the experiments
/// they compare with, not the kit's. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public static class StackedMnistPublished
{
    private const string Table2 = "PacGAN (Lin et al. 2018), Table 2";
    private const string Table3 = "PacGAN (Lin et al. 2018), Table 3";
    private const string VeeganSetting = "VEEGAN's setting";
    private const string Quarter = "D ¼ of G's size";
    private const string Half = "D ½ of G's size";

    /// <summary>Every published row, in the papers' order (including methods the kit does not implement).</summary>
    public static IReadOnlyList<PublishedModeCount> All { get; } =
    [
        new("DCGAN", 99, 3.40, Table2, VeeganSetting),
        new("Unrolled GAN", 48.7, 4.32, Table2, VeeganSetting),
        new("VEEGAN", 150, 2.95, Table2, VeeganSetting),
        new("PacDCGAN2", 1000, 0.06, Table2, VeeganSetting),
        new("DCGAN", 30.6, 5.99, Table3, Quarter),
        new("Unrolled GAN (10 steps)", 327, 4.66, Table3, Quarter),
        new("PacDCGAN4", 667, 1.81, Table3, Quarter),
        new("DCGAN", 628, 2.58, Table3, Half),
        new("Unrolled GAN (10 steps)", 817, 1.43, Table3, Half),
        new("PacDCGAN3", 867, 0.90, Table3, Half),
    ];

    /// <summary>The published row that corresponds to <paramref name="method"/>, or null when the papers have none.</summary>
    public static PublishedModeCount? For(StackedMnistMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.MinibatchStdDev) return null;
        var (row, setting) = (method.Packing, method.DiscriminatorDivisor) switch
        {
            (1, 1) => ("DCGAN", VeeganSetting),
            (2, 1) => ("PacDCGAN2", VeeganSetting),
            (1, 4) => ("DCGAN", Quarter),
            (4, 4) => ("PacDCGAN4", Quarter),
            (1, 2) => ("DCGAN", Half),
            (3, 2) => ("PacDCGAN3", Half),
            _ => ("", ""),
        };
        return All.FirstOrDefault(p => p.Row == row && p.Setting == setting);
    }
}
