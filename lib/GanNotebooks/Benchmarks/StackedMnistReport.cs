using System.Globalization;
using System.Text;
using System.Text.Json;
using GanNotebooks.IO;
using GanNotebooks.Metrics;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// The benchmark's results: the protocol, the real-data ceiling at the same N, every run and one summary row per
/// method (<see cref="Summarize"/>). <see cref="ToMarkdown"/> gives the table, <see cref="ToJson"/> everything;
/// <see cref="WriteFiles"/> writes both atomically. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed record StackedMnistReport
{
    /// <summary>The file name of the JSON report.</summary>
    public const string JsonFileName = "results.json";

    /// <summary>The file name of the Markdown table.</summary>
    public const string MarkdownFileName = "results.md";

    /// <summary>The protocol the runs followed.</summary>
    public required StackedMnistProtocol Protocol { get; init; }

    /// <summary>Where the networks trained, e.g. "cpu".</summary>
    public required string Device { get; init; }

    /// <summary>Whether the MNIST files were the offline subset.</summary>
    public required bool MnistSubset { get; init; }

    /// <summary>Real Stacked MNIST counted at the same N: the ceiling.</summary>
    public required StackedMnistModes Ceiling { get; init; }

    /// <summary>Every run, in the order they ran.</summary>
    public required IReadOnlyList<StackedMnistResult> Results { get; init; }

    /// <summary>One row per method, in the order the methods first ran.</summary>
    public IReadOnlyList<StackedMnistSummaryRow> Rows => Summarize(Results);

    /// <summary>Groups <paramref name="results"/> by method: mean, standard deviation and range over seeds.</summary>
    public static IReadOnlyList<StackedMnistSummaryRow> Summarize(IEnumerable<StackedMnistResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.GroupBy(r => r.Method).Select(g =>
        {
            var method = StackedMnistMethod.Parse(g.Key);
            var modes = g.Select(r => (double)r.ModesCovered).ToArray();
            var kl = g.Select(r => r.KlFromUniform).ToArray();
            return new StackedMnistSummaryRow(method.Name, method.Description, g.Count(), g.First().Steps, g.First().SampleCount,
                modes.Average(), Std(modes), g.Min(r => r.ModesCovered), g.Max(r => r.ModesCovered), kl.Average(), Std(kl),
                g.Average(r => r.TrainingSeconds), g.Average(r => r.MsPerStep), StackedMnistPublished.For(method))
            {
                ConfidentShareMean = g.All(r => r.Modes.ConfidentShare is not null) ? g.Average(r => r.Modes.ConfidentShare!.Value) : null,
                ConfidentModesMean = g.All(r => r.Modes.ConfidentModesCovered is not null) ? g.Average(r => (double)r.Modes.ConfidentModesCovered!.Value) : null,
            };
        }).ToList();
    }

    /// <summary>The summary as a Markdown table with the published figures beside it, and the ceiling and protocol under it.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var p = Protocol;
        text.AppendLine(Invariant($"Stacked MNIST, {Results.Count} runs on {Device}: {p.Steps:N0} steps of batch {p.BatchSize}, {p.TrainingImages:N0} training images, ")
            + Invariant($"G with {p.GeneratorFeatures} feature maps, Adam {p.LearningRate:G3} (β1 {p.Beta1}), N = {p.Samples:N0} samples counted per run."));
        text.AppendLine();
        text.AppendLine("| method | seeds | modes (mean ± s.d.) | range | KL (mean ± s.d.) | digits read confidently | modes among confident images | training time per run | published modes / KL | source |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in Rows)
        {
            var published = r.Published is { } f ? Invariant($"{f.Modes:#,0.#} / {f.Kl:F2} ({f.Row}, {f.Setting})") : "—";
            var confident = r.ConfidentShareMean is { } share ? Invariant($"{share * 100:F0}%") : "—";
            var strict = r.ConfidentModesMean is { } modes ? Invariant($"{modes:F0}") : "—";
            text.AppendLine(Invariant($"| {r.Method} | {r.Seeds} | {r.ModesMean:F1} ± {r.ModesStd:F1} | {r.ModesMin}–{r.ModesMax} | {r.KlMean:F2} ± {r.KlStd:F2} | {confident} | {strict} | ")
                + Invariant($"{r.TrainingSeconds:F0} s ({r.MsPerStep:F1} ms per step) | {published} | {r.Published?.Source ?? "—"} |"));
        }
        text.AppendLine();
        text.AppendLine(Invariant($"Ceiling: {Ceiling}."));
        text.AppendLine("A digit counts as read confidently when the classifier gives it a probability of at least 0.9. Modes counted on images "
            + "the classifier can only guess at are not evidence of coverage: compare the generated share with the ceiling's.");
        if (MnistSubset) text.AppendLine("The MNIST files are the offline SUBSET (9,000 training digits).");
        text.AppendLine("Published protocol: 128,000 training images, 50 epochs (100,000 steps), batch 64, Adam 2e-4 (β1 0.5), z of 100 dimensions, "
            + "26,000 samples counted, the papers' own networks.");
        return text.ToString();
    }

    /// <summary>Everything as indented JSON (the runs' histograms included).</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        protocol = Protocol,
        device = Device,
        mnistSubset = MnistSubset,
        ceiling = Ceiling,
        rows = Rows,
        results = Results,
    }, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });

    /// <summary>Writes <see cref="JsonFileName"/> and <see cref="MarkdownFileName"/> into <paramref name="folder"/>, each atomically; returns their paths.</summary>
    public (string Json, string Markdown) WriteFiles(string folder)
    {
        var json = Path.GetFullPath(Path.Combine(folder, JsonFileName));
        var markdown = Path.GetFullPath(Path.Combine(folder, MarkdownFileName));
        AtomicFile.WriteAllBytes(json, Encoding.UTF8.GetBytes(ToJson()));
        AtomicFile.WriteAllBytes(markdown, Encoding.UTF8.GetBytes(ToMarkdown()));
        return (json, markdown);
    }

    private static double Std(double[] values)
    {
        if (values.Length < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
