using GanNotebooks.Cli.Commands;
using GanNotebooks.Data;
using GanNotebooks.Metrics;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Metrics;

public class EvaluateCommandTests
{
    private static string WriteSamples(TempFolder temp, int count)
    {
        var pixels = SyntheticShapes.Images(count, 9, out _);
        var path = temp.File("samples.idx3-ubyte");
        IdxWriter.WriteImages(path, pixels, count, 28, 28);
        return path;
    }

    [Fact]
    public void Prints_a_table_and_writes_json()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        var samples = WriteSamples(temp, 100);
        var json = temp.File("out", "report.json");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = EvaluateCommand.Run(samples, "mnist", null, json, temp.Path, output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("Inception Score", output.ToString());
        Assert.Contains("Training the MNIST evaluation classifier", output.ToString());
        var report = EvaluationReport.FromJson(File.ReadAllText(json));
        Assert.Equal(100, report.SampleCount);
        Assert.Equal(10, report.Coverage.ClassesCovered);
        Assert.Equal(Path.GetFullPath(samples), report.Samples);
    }

    [Fact]
    public void A_missing_or_corrupt_samples_file_is_reported_before_any_training()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        var corrupt = temp.File("bad.idx3-ubyte");
        File.WriteAllBytes(corrupt, [0, 0, 8, 3, 0, 0]);
        var error = new StringWriter();

        var missing = EvaluateCommand.Run(temp.File("nope.idx3-ubyte"), "mnist", null, null, temp.Path, TextWriter.Null, error);
        var bad = EvaluateCommand.Run(corrupt, "mnist", null, null, temp.Path, TextWriter.Null, error);

        Assert.Equal(1, missing);
        Assert.Equal(1, bad);
        Assert.Contains("nope.idx3-ubyte does not exist", error.ToString());
        Assert.Contains("bad.idx3-ubyte", error.ToString());
        Assert.Contains("Export it again", error.ToString());
        Assert.DoesNotContain("gan data fetch", error.ToString());
        Assert.False(Directory.Exists(ClassifierCache.FolderOf(DataSetName.Mnist, temp.Path)));
    }

    [Fact]
    public void A_missing_data_set_or_unknown_name_gets_a_clear_error()
    {
        using var temp = new TempFolder();
        var samples = WriteSamples(temp, 10);
        var error = new StringWriter();

        var missing = EvaluateCommand.Run(samples, "fashion-mnist", null, null, temp.Path, TextWriter.Null, error);
        var unknown = EvaluateCommand.Run(samples, "cifar", null, null, temp.Path, TextWriter.Null, error);

        Assert.Equal(1, missing);
        Assert.Contains("./gan data fetch fashion-mnist", error.ToString());
        Assert.Equal(2, unknown);
        Assert.Contains("--dataset cifar", error.ToString());
    }

    [Fact]
    public void Labels_that_do_not_match_the_samples_are_rejected()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        var samples = WriteSamples(temp, 20);
        var labels = temp.File("labels.idx1-ubyte");
        IdxWriter.WriteLabels(labels, new byte[19]);
        var error = new StringWriter();

        var code = EvaluateCommand.Run(samples, "mnist", labels, null, temp.Path, TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Contains("holds 19 labels", error.ToString());
    }
}
