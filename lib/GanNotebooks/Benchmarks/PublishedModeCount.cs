namespace GanNotebooks.Benchmarks;

/// <summary>
/// A published Stacked MNIST figure: the paper's row, modes covered and KL from uniform, where it is printed, and the
/// setting it was measured in. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
/// <param name="Row">The row's name in the paper, e.g. "PacDCGAN4".</param>
/// <param name="Modes">Modes covered (mean over the paper's runs).</param>
/// <param name="Kl">KL divergence from the uniform mode distribution.</param>
/// <param name="Source">Paper and table, e.g. "PacGAN (Lin et al. 2018), Table 3".</param>
/// <param name="Setting">The discriminator setting, e.g. "D ¼ of G's size".</param>
public sealed record PublishedModeCount(string Row, double Modes, double Kl, string Source, string Setting);
