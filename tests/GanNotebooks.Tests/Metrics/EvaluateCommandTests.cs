using GanNotebooks.Cli.Commands;
using GanNotebooks.Data;
using GanNotebooks.Metrics;
using GanNotebooks.Tests.Data;
using GanNotebooks.Tests.IO;

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

    [Theory]
    [InlineData(10)]
    [InlineData(255)]
    public void Labels_outside_the_classes_are_refused_naming_the_file_index_and_value(byte value)
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        var samples = WriteSamples(temp, 20);
        var labels = temp.File("labels.idx1-ubyte");
        var requested = Enumerable.Range(0, 20).Select(i => (byte)(i % 10)).ToArray();
        requested[7] = value;
        IdxWriter.WriteLabels(labels, requested);
        var error = new StringWriter();

        var code = EvaluateCommand.Run(samples, "mnist", labels, temp.File("report.json"), temp.Path, TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Equal($"{labels}: label {value} at index 7 is not a class of MNIST (expected 0 to 9); export the labels the generator was asked for.",
            error.ToString().TrimEnd());
        Assert.False(File.Exists(temp.File("report.json")));
        Assert.False(Directory.Exists(ClassifierCache.FolderOf(DataSetName.Mnist, temp.Path)));
    }

    [Fact]
    public void Too_few_samples_for_the_nearest_neighbour_metrics_say_how_many_are_needed()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        var samples = WriteSamples(temp, 3);
        var error = new StringWriter();

        Assert.Equal(1, EvaluateCommand.Run(samples, "mnist", null, null, temp.Path, TextWriter.Null, error));
        Assert.Contains($"{samples} holds 3 image(s); precision and recall (k-nearest neighbours, k = 3) need at least 4.", error.ToString());
        Assert.False(Directory.Exists(ClassifierCache.FolderOf(DataSetName.Mnist, temp.Path)));
    }

    [Fact]
    public void Svhn_is_refused_as_a_data_set_without_an_evaluation_classifier()
    {
        using var temp = new TempFolder();
        var samples = WriteSamples(temp, 20);
        var error = new StringWriter();

        Assert.Equal(2, EvaluateCommand.Run(samples, "svhn", null, null, temp.Path, TextWriter.Null, error));
        Assert.StartsWith("--dataset svhn: gan evaluate scores 28 × 28 grey samples", error.ToString());
    }

    [Fact]
    public void Paths_that_are_not_files_are_named_before_any_work()
    {
        using var temp = new TempFolder();
        SyntheticShapes.Write(temp.Path);
        var samples = WriteSamples(temp, 20);
        var before = File.ReadAllBytes(samples);
        SpecialFiles.MakeNamedPipe(temp.File("pipe"));
        Directory.CreateDirectory(temp.File("folder"));
        File.CreateSymbolicLink(temp.File("dangling"), temp.File("gone"));
        var output = new StringWriter();

        (int Code, string Error) Evaluate(string samplesPath, string? labels, string? json)
        {
            var error = new StringWriter();
            return (EvaluateCommand.Run(samplesPath, "mnist", labels, json, temp.Path, output, error), error.ToString().TrimEnd());
        }

        Assert.Equal((1, $"The samples file: {temp.File("pipe")} is a named pipe (FIFO), not a file. Run a notebook that exports samples "
            + "(they land in artifacts/<notebook>/samples.idx3-ubyte) or check the path."), Evaluate(temp.File("pipe"), null, null));
        Assert.StartsWith($"The labels file: {temp.File("folder")} is a directory, not a file.", Evaluate(samples, temp.File("folder"), null).Error);
        Assert.StartsWith($"The samples file: {temp.File("dangling")} is a symbolic link to {temp.File("gone")}, which does not exist.",
            Evaluate(temp.File("dangling"), null, null).Error);
        Assert.Equal((2, $"--json: {temp.File("folder")} is a directory, not a file; give the path of the JSON file to write."),
            Evaluate(samples, null, temp.File("folder")));
        Assert.Equal((2, $"--json: {samples} is the input file {samples}; writing the report there would destroy it. Give another file."),
            Evaluate(samples, null, samples));
        Assert.Equal("", output.ToString());
        Assert.Equal(before, File.ReadAllBytes(samples));
        Assert.False(Directory.Exists(ClassifierCache.FolderOf(DataSetName.Mnist, temp.Path)));
    }

    [Fact]
    public void A_samples_file_that_refuses_to_be_read_is_one_line()
    {
        if (!File.Exists(SpecialFiles.UnreadableEvenForRoot)) return;   // no sysfs here
        var error = new StringWriter();

        Assert.Equal(1, EvaluateCommand.Run(SpecialFiles.UnreadableEvenForRoot, "mnist", null, null, null, TextWriter.Null, error));
        Assert.StartsWith($"The samples file: {SpecialFiles.UnreadableEvenForRoot} cannot be read: permission denied.", error.ToString());
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
