using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// The parts of a notebook's JSON the kit reads, checked for their kinds before anything reads them (used by
/// <see cref="NotebookFile"/>): the cells a list of objects, each cell's type a string, its source and its outputs'
/// texts a string or a list of strings, its metadata and outputs objects. A notebook that passes can be read with
/// plain casts; one that does not gets a sentence saying what is wrong where.
/// </summary>
public static class NotebookShape
{
    /// <summary>Null when <paramref name="root"/> has the shape the kit reads; otherwise what is wrong, e.g. <c>cell 3's "source" is a number</c>.</summary>
    public static string? Problem(JsonObject root)
    {
        if (root["cells"] is not JsonArray cells)
            return root.ContainsKey("cells") ? "its \"cells\" is not a list" : "it has no \"cells\" list";
        if (root.ContainsKey("metadata") && root["metadata"] is not JsonObject)
            return "its \"metadata\" is not an object";
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell) return $"cell {i + 1} is not an object";
            var where = $"cell {i + 1}'s";
            if (!IsString(cell["cell_type"])) return $"{where} \"cell_type\" is {KindOf(cell["cell_type"])}, not a string";
            if (!IsText(cell["source"])) return $"{where} \"source\" is {KindOf(cell["source"])}, not text";
            if (cell.ContainsKey("metadata") && cell["metadata"] is not JsonObject) return $"{where} \"metadata\" is not an object";
            if (!cell.ContainsKey("outputs") || cell["outputs"] is null) continue;
            if (cell["outputs"] is not JsonArray outputs) return $"{where} \"outputs\" is not a list";
            for (int j = 0; j < outputs.Count; j++)
                if (OutputProblem(outputs[j]) is { } problem) return $"{where} output {j + 1} {problem}";
        }
        return null;
    }

    private static string? OutputProblem(JsonNode? node)
    {
        if (node is not JsonObject output) return "is not an object";
        foreach (var key in new[] { "output_type", "name", "ename", "evalue" })
            if (output.ContainsKey(key) && !IsString(output[key])) return $"has a \"{key}\" that is not a string";
        foreach (var key in new[] { "text", "traceback" })
            if (output.ContainsKey(key) && !IsText(output[key])) return $"has a \"{key}\" that is not text";
        if (!output.ContainsKey("data")) return null;
        if (output["data"] is not JsonObject data) return "has a \"data\" that is not an object";
        foreach (var (type, value) in data)
            if ((type.StartsWith("text/", StringComparison.Ordinal) || type.StartsWith("image/", StringComparison.Ordinal)) && !IsText(value))
                return $"has \"{type}\" data that is not text";
        return null;
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static bool IsText(JsonNode? node) => IsString(node) || node is JsonArray lines && lines.All(IsString);

    private static string KindOf(JsonNode? node) => node is null ? "missing" : node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "a string",
    };
}
