using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// How the notebook executor's run of one notebook ended, as it reports on its last line (<c>@gan outcome {json}</c>).
/// Part of the headless runner (<c>gan run</c>); no notebook uses it.
/// </summary>
/// <param name="Status"><c>completed</c>, <c>timed-out</c>, <c>notebook-timed-out</c>, <c>kernel-died</c>, <c>memory-exceeded</c>,
/// <c>cell-failed</c> (a cell's output is an error and the executor was asked to stop there), <c>stopped</c> or <c>failed</c>.</param>
/// <param name="CellNumber">1-based number (among all cells) of the cell that was running when the run ended, or null.</param>
/// <param name="CellsDone">Code cells that finished.</param>
/// <param name="Message">What happened, e.g. "cell 4 timed out after 30 s".</param>
/// <param name="NotebookPath">The notebook written: the executed copy, or the partial one when the run ended early.</param>
public sealed record NotebookExecutionOutcome(string Status, int? CellNumber, int CellsDone, string Message, string NotebookPath)
{
    /// <summary>The line prefix of the executor's reports on standard output.</summary>
    public const string LinePrefix = "@gan ";

    /// <summary>Every cell ran (cells may still hold errors, which the runner reads from the outputs).</summary>
    public bool Completed => Status == "completed";

    /// <summary>Reads the JSON after <c>@gan outcome</c>.</summary>
    /// <exception cref="FormatException">Not an outcome object.</exception>
    public static NotebookExecutionOutcome Parse(string json)
    {
        try
        {
            var node = JsonNode.Parse(json) ?? throw new FormatException("empty outcome");
            return new NotebookExecutionOutcome(
                (string?)node["status"] ?? throw new FormatException("outcome without a status"),
                (int?)node["cell"],
                (int?)node["cells_done"] ?? 0,
                (string?)node["message"] ?? "",
                (string?)node["notebook"] ?? "");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"The notebook executor's outcome is not readable: {json}", e);
        }
    }
}
