using GanNotebooks.Benchmarks;
using GanNotebooks.Metrics;

namespace GanNotebooks.Tests.Benchmarks;

/// <summary>The benchmark's summary over seeds and its table.</summary>
public class StackedMnistReportTests
{
    private static StackedMnistResult Result(string method, int seed, int modes, double? confidentShare = null, int? confidentModes = null)
    {
        var histogram = new int[1000];
        for (int k = 0; k < modes; k++) histogram[k] = 10;
        return new StackedMnistResult
        {
            Method = method, Seed = seed, Steps = 100, TrainingSeconds = 2,
            Modes = StackedMnistModes.FromHistogram(histogram, $"{method} {seed}") with { ConfidentShare = confidentShare, ConfidentModesCovered = confidentModes },
        };
    }

    [Fact]
    public void Rows_give_mean_standard_deviation_and_range_over_seeds_in_the_order_methods_ran()
    {
        var results = new[] { Result("dcgan-quarter-d", 1, 10), Result("dcgan-quarter-d", 2, 30), Result("pacgan4-quarter-d", 1, 100) };

        var rows = StackedMnistReport.Summarize(results);

        Assert.Equal(["dcgan-quarter-d", "pacgan4-quarter-d"], rows.Select(r => r.Method));
        var first = rows[0];
        Assert.Equal((2, 20.0, 10, 30), (first.Seeds, first.ModesMean, first.ModesMin, first.ModesMax));
        Assert.Equal(Math.Sqrt(200), first.ModesStd, 9);   // sample standard deviation of 10 and 30
        Assert.Equal((Math.Log(1000 / 10.0) + Math.Log(1000 / 30.0)) / 2, first.KlMean, 9);
        Assert.Equal(20, first.MsPerStep, 9);
        Assert.Equal(0, rows[1].ModesStd);
        Assert.Equal("PacDCGAN4", rows[1].Published!.Row);
        Assert.Null(first.ConfidentShareMean);
        Assert.Null(first.ConfidentModesMean);
    }

    [Fact]
    public void Rows_average_the_confident_share_and_the_strict_mode_count_and_the_table_shows_them()
    {
        var results = new[] { Result("dcgan", 1, 40, 0.2, 10), Result("dcgan", 2, 60, 0.4, 30) };

        var row = StackedMnistReport.Summarize(results).Single();
        var markdown = new StackedMnistReport
        {
            Protocol = new StackedMnistProtocol { Steps = 100, Samples = 1000 }, Device = "cpu", MnistSubset = false,
            Ceiling = StackedMnistModes.FromHistogram(Enumerable.Repeat(1, 1000).ToArray(), "real"), Results = results,
        }.ToMarkdown();

        Assert.Equal(0.3, row.ConfidentShareMean!.Value, 9);
        Assert.Equal(20, row.ConfidentModesMean!.Value, 9);
        Assert.Contains("| dcgan | 2 | 50.0 ± 14.1 | 40–60 | ", markdown);
        Assert.Contains(" | 30% | 20 | ", markdown);
        Assert.Contains("digits read confidently", markdown);
    }

    [Fact]
    public void The_markdown_table_shows_each_method_the_published_figure_and_the_ceiling()
    {
        var ceiling = StackedMnistModes.FromHistogram(Enumerable.Repeat(1, 1000).ToArray(), "real Stacked MNIST");
        var report = new StackedMnistReport
        {
            Protocol = new StackedMnistProtocol { Steps = 100, Samples = 1000 }, Device = "cpu", MnistSubset = true, Ceiling = ceiling,
            Results = [Result("dcgan", 1, 50), Result("minibatch-stddev", 1, 70)],
        };

        var markdown = report.ToMarkdown();

        Assert.Contains("| dcgan | 1 | 50.0 ± 0.0 | 50–50 | 3.00 ± 0.00 | — | — | 2 s (20.0 ms per step) | 99 / 3.40 (DCGAN, VEEGAN's setting) | PacGAN (Lin et al. 2018), Table 2 |", markdown);
        Assert.Contains("| minibatch-stddev | 1 | 70.0 ± 0.0 | 70–70 |", markdown);
        Assert.Contains("| — | — |", markdown);
        Assert.Contains("Ceiling: real Stacked MNIST, N = 1,000: 1,000 of 1,000 modes", markdown);
        Assert.Contains("SUBSET", markdown);
        Assert.Contains("\"ModesMean\": 50", report.ToJson());
    }
}
