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
        return Parse(text, name);
    }

    /// <summary>
    /// Parses <paramref name="text"/> as a notebook named <paramref name="name"/> in messages: JSON without a key written
    /// twice, an object with a <c>cells</c> list, every part the kit reads of the kind it expects (<see cref="NotebookShape"/>).
    /// </summary>
    /// <exception cref="FormatException">It is not a notebook; the message names it and says why.</exception>
    public static JsonObject Parse(string text, string name)
    {
        JsonNode? notebook;
        try
        {
            notebook = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw NotANotebook(name, $"it is not JSON ({FirstSentence(e.Message)})", e);
        }
        if (notebook is not JsonObject root)
            throw NotANotebook(name, $"its JSON is {(notebook is null ? "null" : notebook.GetValueKind().ToString().ToLowerInvariant())}, not an object with \"cells\"");
        if (NotebookShape.Problem(root) is { } problem)
            throw NotANotebook(name, problem);
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
