using System.Text.Json;
using GanNotebooks.Benchmarks;
using GanNotebooks.Cli.Commands;
using GanNotebooks.Data;
using GanNotebooks.Export;
using GanNotebooks.Metrics;
using GanNotebooks.Tests.Data;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Tests.Metrics;
using Xunit.Abstractions;

namespace GanNotebooks.Tests.Benchmarks;

/// <summary>gan benchmark stacked-mnist: argument checks, and a tiny real run that writes valid files.</summary>
public class StackedMnistCommandTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(new[] { "wgan" }, 3, "--method wgan: unknown method")]
    [InlineData(new[] { "dcgan,pacgan3" }, 3, "--method pacgan3: unknown method")]
    [InlineData(new string[0], 3, "--method: name at least one method")]
    [InlineData(new[] { "dcgan" }, 0, "--seeds 0: give from 1 to 100")]
    [InlineData(new[] { "dcgan" }, 101, "--seeds 101: give from 1 to 100")]
    public void Bad_methods_or_seeds_give_a_clear_error_and_exit_code_2_before_anything_runs(string[] methods, int seeds, string message)
    {
        using var temp = new TempFolder();
        var error = new StringWriter();

        var code = StackedMnistCommand.Run(methods, seeds, steps: 1, samples: 10, trainingImages: 64, temp.File("out"), temp.Path, TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString());
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Counts_below_one_are_refused_and_the_known_methods_are_listed()
    {
        var error = new StringWriter();

        Assert.Equal(2, StackedMnistCommand.Run(["dcgan"], 1, steps: 0, samples: 10, trainingImages: 64, null, null, TextWriter.Null, error));
        Assert.Equal(2, StackedMnistCommand.Run(["dcgan"], 1, steps: 1, samples: 0, trainingImages: 64, null, null, TextWriter.Null, error));
        Assert.Equal(2, StackedMnistCommand.Run(["dcgan"], 1, steps: 1, samples: 10, trainingImages: 10, null, null, TextWriter.Null, error));
        Assert.Equal(2, StackedMnistCommand.Run(["nope"], 1, steps: 1, samples: 10, trainingImages: 64, null, null, TextWriter.Null, error));

        var text = error.ToString();
        Assert.Contains("--steps 0: must be at least 1", text);
        Assert.Contains("--samples 0: must be at least 1", text);
        Assert.Contains("TrainingImages = 10 must be at least the batch size (64)", text);
        Assert.Contains(string.Join(", ", StackedMnistMethod.KnownNames), text);
    }

    [Fact]
    public void Missing_mnist_is_reported_with_the_fetch_command()
    {
        using var temp = new TempFolder();
        var error = new StringWriter();

        var code = StackedMnistCommand.Run(["dcgan"], 1, steps: 1, samples: 10, trainingImages: 64, temp.File("out"), temp.Path, TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Contains("./gan data fetch mnist", error.ToString());
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void A_tiny_run_writes_samples_a_json_report_and_a_markdown_table_that_agree()
    {
        using var threads = new OneTorchThread();
        using var temp = new TempFolder();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = StackedMnistCommand.Run(["dcgan-quarter-d,pacgan2-quarter-d"], 2, steps: 3, samples: 40, trainingImages: 256, temp.Path, null, output, error);

        log.WriteLine(output.ToString());
        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("dcgan-quarter-d seed 1: step 3/3", text);
        Assert.Contains("| pacgan2-quarter-d | 2 |", text);
        Assert.Contains("30.6 / 5.99 (DCGAN, D ¼ of G's size)", text);
        using var counter = StackedMnistModeCounter.Create(TextWriter.Null);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, StackedMnistReport.JsonFileName)));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        foreach (var result in results)
        {
            var file = result.GetProperty("SamplesFile").GetString()!;
            var method = StackedMnistMethod.Parse(result.GetProperty("Method").GetString());
            Assert.Equal(StackedMnistBenchmark.SamplesPath(temp.Path, method, result.GetProperty("Seed").GetInt32()), file);
            using (var images = SampleExport.ReadChannelImages(file))
                Assert.Equal(new long[] { 40, 3, 28, 28 }, images.shape);
            var recount = counter.CountFile(file);
            Assert.Equal(result.GetProperty("Modes").GetProperty("ModesCovered").GetInt32(), recount.ModesCovered);
            Assert.Equal(result.GetProperty("Modes").GetProperty("KlFromUniform").GetDouble(), recount.KlFromUniform, 9);
            Assert.Equal(3, result.GetProperty("Steps").GetInt64());
        }
        Assert.Equal(2, json.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(40, json.RootElement.GetProperty("ceiling").GetProperty("SampleCount").GetInt32());
        var markdown = File.ReadAllText(Path.Combine(temp.Path, StackedMnistReport.MarkdownFileName));
        Assert.Contains("| dcgan-quarter-d | 2 |", markdown);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
    }
}
