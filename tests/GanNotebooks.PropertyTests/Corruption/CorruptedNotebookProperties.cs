using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanNotebooks.Cli.Grading;
using GanNotebooks.Cli.Runner;
using GanNotebooks.Tests.Data;
using Xunit.Abstractions;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// Property: the command line's notebook readers, given a corrupted copy of a small notebook (broken syntax from byte
/// edits, and valid JSON with a value of another kind at a random place), give the original result when the part
/// they read is unchanged, and otherwise a result or their documented refusal naming the notebook: the time limits'
/// error message (<see cref="NotebookLimitsReader"/>), <see cref="FormatException"/> (<see cref="AssignmentNotebook"/>);
/// <see cref="ExecutedNotebookReader"/> reads what <see cref="NotebookFile.Parse"/> accepted and must never throw. Never another exception or a hang.
/// </summary>
public sealed class CorruptedNotebookProperties(ITestOutputHelper output) : IDisposable
{
    private static readonly RunnerOptions Options = new() { RepoRoot = Path.GetTempPath() };
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Notebook_time_limits_read_as_the_original_or_are_refused_naming_the_notebook() =>
        new CorruptionProperty(typeof(ReaderRejection), Path.GetFileName).Holds(output, _folder, "limits.ipynb", WriteNotebook, ReadLimits,
            (a, b) => a == b, seed: 41, (original, corrupted) => Unchanged(corrupted, root => (root["metadata"] as JsonObject)?["gan"]) switch
            {
                null => Expectation<NotebookLimits>.Exactly(null),
                true => new Expectation<NotebookLimits>(original, MayBeRejected: false),
                false => Expectation<NotebookLimits>.ResultOrRejected(),
            }, Corruptions.WithJsonValueReplacements);

    [Fact]
    public void Executed_notebooks_report_the_original_failure_and_pictures_or_other_ones_but_never_throw() =>
        new CorruptionProperty(typeof(ReaderRejection), Path.GetFileName).Holds(output, _folder, "executed.ipynb", WriteNotebook, ReadExecuted,
            (a, b) => a == b, seed: 42, (original, corrupted) => Unchanged(corrupted, root => root) switch
            {
                null => Expectation<ExecutedSummary>.Exactly(null),
                true => new Expectation<ExecutedSummary>(original, MayBeRejected: false),
                false => Expectation<ExecutedSummary>.ResultOrRejected(),   // refused only when the document is null
            }, Corruptions.WithJsonValueReplacements);

    [Fact]
    public void Assignment_notebooks_read_as_the_original_or_are_refused_with_a_format_exception_naming_the_notebook() =>
        new CorruptionProperty(typeof(FormatException), Path.GetFileName).Holds(output, _folder, "assignment.ipynb", WriteNotebook, ReadAssignment,
            (a, b) => a.SameAs(b), seed: 43, (original, corrupted) => Unchanged(corrupted, root => root["cells"]) switch
            {
                null => Expectation<AssignmentSummary>.Exactly(null),
                true => new Expectation<AssignmentSummary>(original, MayBeRejected: false),
                false => Expectation<AssignmentSummary>.ResultOrRejected(),
            }, Corruptions.WithJsonValueReplacements);

    private static NotebookLimits ReadLimits(string path) =>
        NotebookLimitsReader.Read(path, Options, out var error) ?? throw new ReaderRejection(error ?? "(no error message)");

    private static ExecutedSummary ReadExecuted(string path)
    {
        // As the runner reads an executed copy: through NotebookFile, which refuses what is not a notebook.
        JsonNode notebook;
        try { notebook = NotebookFile.Parse(File.ReadAllText(path), Path.GetFileName(path)); }
        catch (FormatException e) { throw new ReaderRejection(e.Message); }
        return new ExecutedSummary(ExecutedNotebookReader.FirstFailure(notebook), ExecutedNotebookReader.PictureCount(notebook),
            ExecutedNotebookReader.ChartsWithoutStaticImage(notebook), ExecutedNotebookReader.OutputCount(notebook));
    }

    private static AssignmentSummary ReadAssignment(string path)
    {
        var assignment = AssignmentNotebook.Load(path);
        return new AssignmentSummary(assignment.HiddenTests, assignment.SolutionRegionCount);
    }

    // Whether the part of the corrupted file that a reader reads equals the original's: null when the file is not JSON
    // (decoded as File.ReadAllText decodes it: UTF-8 unless a byte-order mark says otherwise), or not a valid notebook
    // because an object holds a key twice or a part the readers read is of the wrong kind (NotebookShape).
    private static bool? Unchanged(byte[] corrupted, Func<JsonNode, JsonNode?> part)
    {
        try
        {
            using var reader = new StreamReader(new MemoryStream(corrupted), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            // A key written twice makes the JSON no notebook (the readers refuse it as they parse).
            var root = JsonNode.Parse(reader.ReadToEnd(), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            // Parts of the wrong kind (a cell that is a number, metadata that is a string) make it no notebook either.
            if (root is not JsonObject notebook || NotebookShape.Problem(notebook) is not null) return null;
            var original = JsonNode.Parse(Notebook())!;
            return JsonNode.DeepEquals(part(original), part(root));
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteNotebook(string path) => File.WriteAllText(path, Notebook());

    // A small notebook with what the three readers look at: time limits in the metadata, a solution region and a hidden
    // test cell, an error output, compiler errors on stderr, a PNG and a chart without a static image.
    private static string Notebook() => new JsonObject
    {
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["metadata"] = new JsonObject { ["gan"] = new JsonObject { ["cell_timeout"] = "20m", ["notebook_timeout"] = 45 } },
        ["cells"] = new JsonArray
        {
            new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = new JsonArray("# Losses\n", "Write the loss.") },
            new JsonObject
            {
                ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["execution_count"] = 1,
                ["source"] = new JsonArray("var x = 1;\n", "// BEGIN SOLUTION\n", "var loss = x * 2;\n", "// END SOLUTION\n"),
                ["outputs"] = new JsonArray
                {
                    new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["image/png"] = "iVBORw0KGgo=" }, ["metadata"] = new JsonObject() },
                    new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = "<div id=\"chart\"></div><script>Plotly.newPlot('chart', [])</script>" }, ["metadata"] = new JsonObject() },
                },
            },
            new JsonObject
            {
                ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["execution_count"] = 2,
                ["source"] = new JsonArray("// HIDDEN TESTS 02-losses (5 points)\n", "Check(loss == 2);"),
                ["outputs"] = new JsonArray
                {
                    new JsonObject { ["output_type"] = "stream", ["name"] = "stderr", ["text"] = new JsonArray("(1,1): error CS0103: The name 'Check' does not exist\n") },
                    new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "compilation failed", ["traceback"] = new JsonArray("\u001b[31mError\u001b[0m") },
                },
            },
        },
    }.ToJsonString();

    /// <summary>What the runner reads from an executed notebook.</summary>
    private sealed record ExecutedSummary(NotebookFailure? FirstFailure, int Pictures, int ChartsWithoutStaticImage, int Outputs);

    /// <summary>What grading reads from an assignment: its hidden test cells and how many solution regions it has.</summary>
    private sealed record AssignmentSummary(IReadOnlyList<HiddenTestCell> HiddenTests, int SolutionRegions)
    {
        public bool SameAs(AssignmentSummary other) => SolutionRegions == other.SolutionRegions && HiddenTests.SequenceEqual(other.HiddenTests);
    }
}
