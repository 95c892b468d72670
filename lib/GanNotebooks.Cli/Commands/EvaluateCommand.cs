using System.CommandLine;
using GanNotebooks.Data;
using GanNotebooks.IO;
using GanNotebooks.Metrics;

namespace GanNotebooks.Cli.Commands;

/// <summary>
/// <c>gan evaluate &lt;samples.idx3-ubyte&gt; --dataset mnist [--labels labels.idx1-ubyte] [--json out.json]</c>:
/// scores exported samples with every evaluation metric, prints a table and optionally writes JSON. The first run
/// for a data set trains and caches its classifier. Introduced in notebook 07-evaluating-gans.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var samples = new Argument<string>("samples") { Description = "IDX3 ubyte file of 28 × 28 samples, e.g. artifacts/02-vanilla-gan/samples.idx3-ubyte" };
        var dataSet = new Option<string>("--dataset") { Description = "The data set the samples imitate: mnist or fashion-mnist", DefaultValueFactory = _ => "mnist" };
        var labels = new Option<string?>("--labels") { Description = "IDX1 ubyte file of the labels requested from a conditional generator" };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };
        var command = new Command("evaluate", "Score generated samples: Fréchet distance, Inception Score, class coverage, precision and recall.");
        command.Arguments.Add(samples);
        command.Options.Add(dataSet);
        command.Options.Add(labels);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse.GetValue(samples)!, parse.GetValue(dataSet), parse.GetValue(labels),
            parse.GetValue(json), null, Console.Out, Console.Error, cancellationToken)));
        return command;
    }

    /// <summary>
    /// Evaluates <paramref name="samplesPath"/>; returns 0 on success, 1 when a file or the data set is missing or
    /// corrupt (or a label is not a class, or there are too few samples), 2 for an unknown or unsupported data set
    /// name or a <c>--json</c> path that cannot take the report. Every file and option is checked before the
    /// classifier loads or trains. Messages name the file and the fix.
    /// </summary>
    public static int Run(string samplesPath, string? dataSetText, string? labelsPath, string? jsonPath, string? dataRoot,
        TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!DataSetNames.TryParse(dataSetText, out var name))
        {
            error.WriteLine($"--dataset {dataSetText}: unknown data set; use mnist or fashion-mnist.");
            return 2;
        }
        if (name == DataSetName.Svhn)
        {
            error.WriteLine("--dataset svhn: gan evaluate scores 28 × 28 grey samples, and only MNIST and Fashion-MNIST have an evaluation "
                + "classifier; use --dataset mnist or --dataset fashion-mnist.");
            return 2;
        }
        foreach (var (path, what) in new[] { (samplesPath, "samples"), (labelsPath, "labels") })
            if (path is not null && PathCheck.FileProblem(path) is { } problem)
            {
                error.WriteLine($"The {what} file: {problem}. Run a notebook that exports samples "
                    + "(they land in artifacts/<notebook>/samples.idx3-ubyte) or check the path.");
                return 1;
            }
        if (jsonPath is not null && JsonProblem(jsonPath, samplesPath, labelsPath) is { } jsonProblem)
        {
            error.WriteLine($"--json: {jsonProblem}");
            return 2;
        }
        try
        {
            // Reject a corrupt file before any training.
            var images = ReadExported(samplesPath, IdxReader.ReadImages);
            if (images.Count <= PrecisionRecall.DefaultK)
                throw new DataFileException(samplesPath, $"{Path.GetFullPath(samplesPath)} holds {images.Count:N0} image(s); precision and recall "
                    + $"(k-nearest neighbours, k = {PrecisionRecall.DefaultK}) need at least {PrecisionRecall.DefaultK + 1}. Export more samples (1,000 is usual).");
            if (labelsPath is not null)
            {
                var labels = ReadExported(labelsPath, IdxReader.ReadLabels);
                if (labels.Length != images.Count)
                    throw new DataFileException(labelsPath, $"{labelsPath}: holds {labels.Length:N0} labels but {samplesPath} holds {images.Count:N0} images; "
                        + "export the labels together with the samples.");
                var classes = DataSets.ClassNamesOf(name).Count;
                var bad = Array.FindIndex(labels, l => l >= classes);
                if (bad >= 0)
                    throw new DataFileException(labelsPath, $"{Path.GetFullPath(labelsPath)}: label {labels[bad]} at index {bad:N0} is not a class of "
                        + $"{name.ToDisplayName()} (expected 0 to {classes - 1}); export the labels the generator was asked for.");
            }
            using var evaluator = SampleEvaluator.Create(name, progress: StepLine(error), log: output, dataRoot: dataRoot, cancellationToken: cancellationToken);
            var report = evaluator.EvaluateFile(samplesPath, labelsPath);
            output.WriteLine();
            output.Write(report.ToTable());
            if (report.IsSubset)
                output.WriteLine($"Note: {name.ToDisplayName()} here is a SUBSET; compare these numbers only with others measured on the same files.");
            if (jsonPath is not null)
            {
                AtomicFile.WriteAllBytes(jsonPath, System.Text.Encoding.UTF8.GetBytes(report.ToJson()));
                output.WriteLine($"JSON written to {Path.GetFullPath(jsonPath)}");
            }
            return 0;
        }
        catch (DataFileException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(jsonPath is not null && e.Message.Contains(Path.GetFileName(jsonPath), StringComparison.Ordinal)
                ? $"--json: {PathCheck.DescribeFailure(jsonPath, e)}" : e.Message);
            return 1;
        }
    }

    private static string? JsonProblem(string jsonPath, string samplesPath, string? labelsPath)
    {
        var target = Path.GetFullPath(jsonPath);
        foreach (var input in new[] { samplesPath, labelsPath }.OfType<string>())
            if (SamePath(target, input))
                return $"{target} is the input file {Path.GetFullPath(input)}; writing the report there would destroy it. Give another file.";
        return PathCheck.OutputFileProblem(target) is { } problem ? $"{problem}; give the path of the JSON file to write." : null;
    }

    private static bool SamePath(string a, string b)
    {
        static string Resolved(string path)
        {
            var full = Path.GetFullPath(path);
            try
            {
                return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            }
            catch (IOException)
            {
                return full;
            }
        }
        return string.Equals(Resolved(a), Resolved(b), StringComparison.Ordinal);
    }

    /// <summary>Reads an exported file; a corrupt one gets the fix for exports (the reader's own hint is for data sets).</summary>
    private static T ReadExported<T>(string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (DataFileException e)
        {
            var cut = e.Message.IndexOf(" To fix it", StringComparison.Ordinal);
            var problem = cut > 0 ? e.Message[..cut] : e.Message;
            throw new DataFileException(path, $"{problem} Export it again by running the notebook that writes it.", e);
        }
    }

    private static IProgress<ClassifierProgress>? StepLine(TextWriter error)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected) return null;
        return new ConsoleLine(error);
    }

    private sealed class ConsoleLine(TextWriter error) : IProgress<ClassifierProgress>
    {
        public void Report(ClassifierProgress value)
        {
            error.Write($"\r  {value} ({value.Fraction * 100:F0}%)   ");
            if (value.Step == value.StepsPerEpoch) error.Write('\r' + new string(' ', 70) + '\r');
        }
    }
}
