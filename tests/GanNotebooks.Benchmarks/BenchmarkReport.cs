using System.Globalization;
using System.Text;

namespace GanNotebooks.Benchmarks;

/// <summary>The results as a Markdown page: the machine, then one table per benchmark that ran.</summary>
public sealed class BenchmarkReport
{
    /// <summary>The command that produced the page, shown at its top.</summary>
    public required string Command { get; init; }

    /// <summary>TorchSharp's n×n matrix-product GFLOP/s.</summary>
    public TimingSummary? TorchSharpPeak { get; set; }

    /// <summary>PyTorch's (OpenBLAS) n×n matrix-product GFLOP/s, in its faster split.</summary>
    public TimingSummary? PyTorchPeak { get; set; }

    /// <summary>The matrix-product kernels the kit chose for this run.</summary>
    public GanNotebooks.Hardware.CpuKernelChoice? Kernels { get; set; }

    /// <summary>The peak with MKL's own kernels (<c>GAN_CPU_KERNELS=library</c>, another process), when the kit chose others.</summary>
    public double? LibraryKernelsPeak { get; set; }

    /// <summary>The training cases measured.</summary>
    public List<TrainingResult> Training { get; } = [];

    /// <summary>The data pipeline rows.</summary>
    public List<(string What, int Images, TimingSummary ImagesPerSecond)> Data { get; } = [];

    /// <summary>The long memory runs.</summary>
    public List<MemoryResult> Memory { get; } = [];

    /// <summary>The time-to-digits run: its checks and the real digits' reading.</summary>
    public (IReadOnlyList<DigitsCheck> Checks, DigitsCheck RealDigits)? Digits { get; set; }

    /// <summary>The settings of the time-to-digits run.</summary>
    public TimeToDigits DigitsSettings { get; set; } = new();

    /// <summary>The whole page.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("# Performance measurements").AppendLine();
        md.AppendLine(inv, $"Made by `{Command}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Times are medians with the interquartile range in brackets.").AppendLine();
        foreach (var line in MachineInfo.Describe()) md.AppendLine(inv, $"- {line}");
        if (Kernels is { } kernels) md.AppendLine(inv, $"- {kernels.Summary}");
        md.AppendLine();
        if (TorchSharpPeak is { } peak)
        {
            md.AppendLine("## Matrix-multiply peak (2048 × 2048 float32, 2 threads)").AppendLine();
            md.AppendLine(inv, $"- TorchSharp (libtorch 2.10, {Kernels?.Description ?? "MKL"}): {peak.Describe("F0")} GFLOP/s");
            if (LibraryKernelsPeak is { } own) md.AppendLine(inv, $"- TorchSharp with MKL's own choice of kernels ({GanNotebooks.Hardware.CpuKernels.Variable}=library, another process): {own:F0} GFLOP/s");
            if (PyTorchPeak is { } py) md.AppendLine(inv, $"- Debian's PyTorch 1.13 with OpenBLAS: {py.Describe("F0")} GFLOP/s");
            md.AppendLine();
        }
        if (Training.Count > 0)
        {
            md.AppendLine("## One training iteration (batch, D update, G update)").AppendLine();
            md.AppendLine("| case | GFLOP per iteration | kit trainer, ms | bare TorchSharp loop, ms | kit overhead | kit GFLOP/s | share of peak | PyTorch 1.13, ms | kit / PyTorch |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in Training)
            {
                string share = TorchSharpPeak is { } p ? (r.KitGflops / p.Median).ToString("P0", inv) : "–";
                string py = r.PyTorch is { } t ? $"{t.Describe()} ({r.PyTorchSplit})" : "not run";
                string ratio = r.RatioToPyTorch is { } q ? q.ToString("F2", inv) : "–";
                md.AppendLine(inv, $"| {r.Case.Description} | {r.FlopsPerIteration / 1e9:F2} | {r.Kit.Describe()} | {r.Bare.Describe()} | {r.KitOverhead:+0.0%;-0.0%} | {r.KitGflops:F0} | {share} | {py} | {ratio} |");
            }
            md.AppendLine();
        }
        if (Data.Count > 0)
        {
            md.AppendLine("## Data loading").AppendLine();
            md.AppendLine("| what | images | images per second |").AppendLine("|---|---:|---:|");
            foreach (var (what, images, speed) in Data) md.AppendLine(inv, $"| {what} | {images:N0} | {speed.Describe("N0")} |");
            md.AppendLine();
        }
        if (Memory.Count > 0)
        {
            md.AppendLine("## Resident memory over a long run (kit trainer)").AppendLine();
            md.AppendLine("| case | steps | after warm-up, MiB | highest after warm-up, MiB | at the end, MiB | growth, MiB | process peak, MiB |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var m in Memory)
                md.AppendLine(inv, $"| {m.Case.Description} | {m.Readings[^1].Step:N0} | {m.BaselineMiB:F0} | {m.HighestAfterWarmupMiB:F0} | {m.FinalMiB:F0} | {m.GrowthMiB:+0;-0} | {m.PeakMiB:F0} |");
            md.AppendLine();
        }
        if (Digits is { } digits)
        {
            md.AppendLine(inv, $"## Time to recognisable digits (notebook 02's MLP GAN, learning rate {DigitsSettings.RateDescription}, batch {DigitsSettings.BatchSize})").AppendLine();
            md.AppendLine(inv, $"Recognisable: at least {DigitsCheck.MinConfidentShare:P0} of 1,000 samples read by the evaluation classifier with probability ≥ 0.9, " +
                $"and every digit at least {DigitsCheck.MinClassShare:P0} of those readings. Real test digits: {digits.RealDigits.ConfidentShare:P1} read confidently, " +
                $"rarest digit {digits.RealDigits.SmallestClassShare:P1}, FD {digits.RealDigits.FrechetDistance:F1}.").AppendLine();
            md.AppendLine("| step | training seconds | read confidently | rarest digit | Fréchet distance | recognisable |").AppendLine("|---:|---:|---:|---:|---:|---|");
            // Every fifth check, the first recognisable one and the last: the whole run is in the log.
            foreach (var c in digits.Checks.Where((c, i) => i % 5 == 4 || c.Recognisable || i == digits.Checks.Count - 1).Distinct())
                md.AppendLine(inv, $"| {c.Step:N0} | {c.TrainingSeconds:F1} | {c.ConfidentShare:P1} | {c.SmallestClassShare:P1} | {c.FrechetDistance:F1} | {(c.Recognisable ? "yes" : "no")} |");
            md.AppendLine();
        }
        return md.ToString();
    }
}
