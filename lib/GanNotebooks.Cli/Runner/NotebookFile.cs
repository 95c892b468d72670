using System.Text.Json;
using System.Text.Json.Nodes;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Reads a Jupyter notebook (<c>.ipynb</c>) a user gave: <c>gan run</c>'s time limits, <c>gan assignments</c> and
/// <c>gan grade</c> all read notebooks through it, so anything that is not a notebook gets the same one-line
/// message, <c>&lt;file&gt; is not a Jupyter notebook: &lt;what&gt;</c>, never a parser's exception.
/// </summary>
public static class NotebookFile
{
    /// <summary>
    /// Reads <paramref name="path"/> as a notebook: a JSON object with a <c>cells</c> list of objects.
    /// <paramref name="name"/> names the file in messages (default: its full path).
    /// </summary>
    /// <exception cref="FormatException">It is not a readable file, or not a notebook; the message says which and why.</exception>
    public static JsonObject Read(string path, string? name = null)
    {
        name ??= Path.GetFullPath(path);
        if (PathCheck.FileProblem(path) is { } problem)
            throw new FormatException(name == Path.GetFullPath(path) ? problem : $"{name}: {problem}");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException(PathCheck.DescribeFailure(path, e), e);
        }
        JsonNode? notebook;
        try
        {
            notebook = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw NotANotebook(name, $"it is not JSON ({FirstSentence(e.Message)})", e);
        }
        if (notebook is not JsonObject root)
            throw NotANotebook(name, $"its JSON is {(notebook is null ? "null" : notebook.GetValueKind().ToString().ToLowerInvariant())}, not an object with \"cells\"");
        if (root["cells"] is not JsonArray cells)
            throw NotANotebook(name, root.ContainsKey("cells") ? "its \"cells\" is not a list" : "it has no \"cells\" list");
        for (int i = 0; i < cells.Count; i++)
            if (cells[i] is not JsonObject)
                throw NotANotebook(name, $"cell {i + 1} is not an object");
        if (root.ContainsKey("metadata") && root["metadata"] is not JsonObject)
            throw NotANotebook(name, "its \"metadata\" is not an object");
        return root;
    }

    private static FormatException NotANotebook(string name, string what, Exception? inner = null) =>
        new($"{name} is not a Jupyter notebook: {what}.", inner);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
