using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// An instructor's notebook read as an assignment: its solution regions (<see cref="SolutionRegions"/>) and hidden
/// test cells (<see cref="HiddenTestCell"/>). A notebook with neither is not an assignment.
/// </summary>
public sealed class AssignmentNotebook
{
    private readonly JsonNode _notebook;

    private AssignmentNotebook(string path, JsonNode notebook, IReadOnlyList<HiddenTestCell> hiddenTests, int solutionRegions)
    {
        Path = path;
        _notebook = notebook;
        HiddenTests = hiddenTests;
        SolutionRegionCount = solutionRegions;
    }

    /// <summary>The notebook's file.</summary>
    public string Path { get; }

    /// <summary>Its file name, e.g. <c>02-vanilla-gan.ipynb</c>; submissions are matched by it.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The hidden test cells, in order.</summary>
    public IReadOnlyList<HiddenTestCell> HiddenTests { get; }

    /// <summary>How many solution regions its code cells hold.</summary>
    public int SolutionRegionCount { get; }

    /// <summary>Whether it is an assignment (it has hidden tests or solution regions).</summary>
    public bool IsAssignment => HiddenTests.Count > 0 || SolutionRegionCount > 0;

    /// <summary>Each task with its points (summed over its hidden test cells), in the order they first appear.</summary>
    public IReadOnlyList<(string Task, double Points)> Tasks =>
        HiddenTests.GroupBy(t => t.Task).Select(g => (g.Key, g.Sum(t => t.Points))).ToList();

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">
    /// The file is not a notebook (<see cref="NotebookFile.Read"/>), or a region or a hidden-test header is malformed;
    /// the message names the file and the cell.
    /// </exception>
    public static AssignmentNotebook Load(string path)
    {
        var notebook = NotebookFile.Read(path);
        var hidden = new List<HiddenTestCell>();
        int regions = 0;
        var cells = Cells(notebook);
        for (int i = 0; i < cells.Count; i++)
        {
            if ((string?)cells[i]?["cell_type"] != "code") continue;
            var source = ExecutedNotebookReader.JoinText(cells[i]?["source"]);
            try
            {
                if (HiddenTestCell.TryRead(source, i + 1) is { } test) hidden.Add(test);
                else regions += SolutionRegions.Count(source);
            }
            catch (FormatException e)
            {
                throw new FormatException($"{System.IO.Path.GetFileName(path)}, cell {i + 1}: {e.Message}", e);
            }
        }
        return new AssignmentNotebook(System.IO.Path.GetFullPath(path), notebook, hidden, regions);
    }

    /// <summary>
    /// The student's version: solution regions replaced by <see cref="SolutionRegions.Stub"/>, hidden test cells
    /// removed, every output and execution count cleared, and the source notebook named in the metadata.
    /// </summary>
    public JsonNode StudentVersion()
    {
        var copy = _notebook.DeepClone();
        var kept = new JsonArray();
        foreach (var cell in Cells(copy).ToList())
        {
            if (cell is null) continue;
            var source = ExecutedNotebookReader.JoinText(cell["source"]);
            if ((string?)cell["cell_type"] == "code")
            {
                if (HiddenTestCell.TryRead(source, 0) is not null) continue;
                cell["source"] = SolutionRegions.ToStudentVersion(source);
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
            }
            cell.Parent!.AsArray().Remove(cell);
            kept.Add(cell);
        }
        copy["cells"] = kept;
        if (copy["metadata"] is not JsonObject metadata) copy["metadata"] = metadata = new JsonObject();
        metadata["gan_assignment"] = new JsonObject { ["source"] = FileName };
        return copy;
    }

    private static JsonArray Cells(JsonNode notebook) => notebook["cells"]?.AsArray() ?? throw new FormatException("a notebook without cells");
}
