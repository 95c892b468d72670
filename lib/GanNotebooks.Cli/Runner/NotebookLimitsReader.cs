using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Works out a notebook's time limits: an option given to <c>gan run</c> wins; otherwise the notebook's top-level
/// metadata may set its own, <c>"metadata": {"gan": {"cell_timeout": "20m", "notebook_timeout": "30m"}}</c>
/// (durations as <see cref="DurationText"/> reads them; a JSON number means minutes); otherwise 30 min a cell and no
/// limit for the notebook. Invalid metadata is an error naming the notebook, the key and the accepted syntax. Part of
/// the headless runner; no notebook uses it.
/// </summary>
public static class NotebookLimitsReader
{
    /// <summary>Reads the limits of the notebook file <paramref name="notebookPath"/>; null with <paramref name="error"/> set when they are invalid.</summary>
    public static NotebookLimits? Read(string notebookPath, RunnerOptions options, out string? error)
    {
        var name = Path.GetFileName(notebookPath);
        JsonObject notebook;
        try
        {
            notebook = NotebookFile.Read(notebookPath, name);
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
        return Resolve(name, notebook["metadata"], options, out error);
    }

    /// <summary>
    /// The limits of notebook <paramref name="notebookName"/> whose top-level metadata is <paramref name="metadata"/>;
    /// null with <paramref name="error"/> set when the metadata's <c>gan</c> section is invalid.
    /// </summary>
    public static NotebookLimits? Resolve(string notebookName, JsonNode? metadata, RunnerOptions options, out string? error)
    {
        TimeSpan? cell = null, whole = null;
        error = null;
        if (metadata is JsonObject container && container.TryGetPropertyValue(NotebookLimits.MetadataSection, out var section))
        {
            if (section is not JsonObject settings)
            {
                error = $"{notebookName}: metadata \"{NotebookLimits.MetadataSection}\" is {Show(section)}; it must be an object such as "
                    + $"{{\"{NotebookLimits.CellTimeoutKey}\": \"20m\", \"{NotebookLimits.NotebookTimeoutKey}\": \"30m\"}}.";
                return null;
            }
            foreach (var (key, value) in settings)
            {
                switch (key)
                {
                    case NotebookLimits.CellTimeoutKey:
                        cell = Duration(notebookName, key, value, ref error);
                        break;
                    case NotebookLimits.NotebookTimeoutKey:
                        whole = Duration(notebookName, key, value, ref error);
                        break;
                    default:
                        error = $"{notebookName}: metadata {Key(key)} is not a setting gan run reads; it reads {Key(NotebookLimits.CellTimeoutKey)} "
                            + $"and {Key(NotebookLimits.NotebookTimeoutKey)}, durations in {NotebookLimits.Syntax}.";
                        break;
                }
                if (error is not null) return null;
            }
        }
        return new NotebookLimits(
            options.CellTimeout ?? cell ?? RunnerOptions.DefaultCellTimeout,
            options.CellTimeout is not null ? LimitSource.CommandLine : cell is not null ? LimitSource.NotebookMetadata : LimitSource.Default,
            options.NotebookTimeout ?? whole,
            options.NotebookTimeout is not null ? LimitSource.CommandLine : whole is not null ? LimitSource.NotebookMetadata : LimitSource.Default);
    }

    private static TimeSpan? Duration(string notebookName, string key, JsonNode? value, ref string? error)
    {
        var text = value?.GetValueKind() switch
        {
            JsonValueKind.String => (string?)value,
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
        if (text is null)
        {
            error = $"{notebookName}: metadata {Key(key)} is {Show(value)}; give a duration as text, {NotebookLimits.Syntax}, e.g. \"20m\".";
            return null;
        }
        var parsed = DurationText.Parse(text, out var problem);
        if (problem is not null)
            error = $"{notebookName}: metadata {Key(key)}: {problem}";
        return parsed;
    }

    private static string Key(string key) => $"{NotebookLimits.MetadataSection}.{key}";

    private static string Show(JsonNode? value) => value is null ? "null" : value.ToJsonString();
}
