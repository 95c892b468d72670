using System.Text;
using System.Text.Json.Nodes;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Reads an executed notebook (.ipynb JSON) for what the runner reports: errors in outputs (a notebook executed
/// with errors allowed still "succeeds", so its outputs must be read) and the pictures it holds.
/// </summary>
public static class ExecutedNotebookReader
{
    /// <summary>The first error output (runtime exception, or compiler errors on stderr), or null.</summary>
    public static NotebookFailure? FirstFailure(JsonNode notebook)
    {
        var cells = notebook["cells"]?.AsArray() ?? [];
        for (int i = 0; i < cells.Count; i++)
        {
            foreach (var output in cells[i]?["outputs"]?.AsArray() ?? [])
            {
                var type = (string?)output?["output_type"];
                string? message = null;
                if (type == "error")
                    message = $"{output?["ename"]}: {output?["evalue"]}\n{StripAnsi(JoinText(output?["traceback"]))}".Trim();
                else if (type == "stream" && (string?)output?["name"] == "stderr")
                {
                    var text = JoinText(output?["text"]);
                    if (text.Contains("error", StringComparison.OrdinalIgnoreCase)) message = text.Trim();
                }
                if (message is not null)
                    return new NotebookFailure(i + 1, FirstLine(cells[i]), AddCompilerDetail(cells[i], message));
            }
        }
        return null;
    }

    /// <summary>How many outputs hold a picture (PNG, GIF, SVG, or an HTML image or chart).</summary>
    public static int PictureCount(JsonNode notebook)
    {
        int count = 0;
        foreach (var cell in notebook["cells"]?.AsArray() ?? [])
            foreach (var output in cell?["outputs"]?.AsArray() ?? [])
            {
                var data = output?["data"]?.AsObject();
                if (data is null) continue;
                var html = JoinText(data["text/html"]);
                if (data.ContainsKey("image/png") || data.ContainsKey("image/gif") || data.ContainsKey("image/svg+xml")
                    || html.Contains("<img", StringComparison.OrdinalIgnoreCase))
                    count++;
            }
        return count;
    }

    /// <summary>Outputs holding an interactive Plotly chart but no static image beside it (blank offline).</summary>
    public static int ChartsWithoutStaticImage(JsonNode notebook)
    {
        int count = 0;
        foreach (var cell in notebook["cells"]?.AsArray() ?? [])
            foreach (var output in cell?["outputs"]?.AsArray() ?? [])
            {
                var data = output?["data"]?.AsObject();
                if (data is null) continue;
                var html = JoinText(data["text/html"]).ToLowerInvariant();
                bool chart = html.Contains("newplot(") || html.Contains("plotly.react(");
                if (chart && !data.ContainsKey("image/png") && !data.ContainsKey("image/svg+xml")) count++;
            }
        return count;
    }

    /// <summary>Cells and outputs of a committed notebook: outputs should be empty.</summary>
    public static int OutputCount(JsonNode notebook) =>
        (notebook["cells"]?.AsArray() ?? []).Sum(c => c?["outputs"]?.AsArray().Count ?? 0);

    /// <summary>Jupyter stores text as a string or a list of lines; this joins either.</summary>
    public static string JoinText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };

    private static string AddCompilerDetail(JsonNode? cell, string message)
    {
        // The "error" output of a failed compilation only says "compilation error"; the details are on stderr.
        if (!message.StartsWith("compilation error", StringComparison.OrdinalIgnoreCase) && !message.Contains(": compilation error", StringComparison.Ordinal))
            return message;
        var details = new StringBuilder();
        foreach (var output in cell?["outputs"]?.AsArray() ?? [])
            if ((string?)output?["output_type"] == "stream") details.Append(JoinText(output?["text"]));
        return details.Length > 0 ? details.ToString().Trim() : message;
    }

    /// <summary>The first non-blank source line of cell <paramref name="cellNumber"/> (1-based among all cells), shortened to 80 characters.</summary>
    public static string CellFirstLine(JsonNode notebook, int cellNumber)
    {
        var cells = notebook["cells"]?.AsArray() ?? [];
        return cellNumber >= 1 && cellNumber <= cells.Count ? FirstLine(cells[cellNumber - 1]) : "";
    }

    private static string FirstLine(JsonNode? cell)
    {
        var source = JoinText(cell?["source"]);
        var line = source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        return line.Length > 80 ? line[..77] + "..." : line;
    }

    private static string StripAnsi(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "");
}
