using System.Text.Json;
using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;
using GanNotebooks.Grading;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// Reads what the hidden test cells of an executed submission reported. Only cells the grader appended (metadata
/// <see cref="MetadataKey"/>) are read, and in them only marker lines that carry the run's token: whatever the
/// submission's own cells print, markers included, counts for nothing.
/// </summary>
public static class HiddenCellResults
{
    /// <summary>The cell metadata key the grader puts on the cells it appends.</summary>
    public const string MetadataKey = "gan_grading";

    /// <summary>Each task's grade, for the tasks of <paramref name="tasks"/>, from <paramref name="executed"/> (null: nothing ran).</summary>
    public static IReadOnlyList<TaskGrade> Read(JsonNode? executed, string token, IReadOnlyList<(string Task, double Points)> tasks, string? runProblem)
    {
        var checks = tasks.ToDictionary(t => t.Task, _ => new List<CheckResult>());
        var problems = tasks.ToDictionary(t => t.Task, _ => new List<string>());
        var appended = (executed?["cells"]?.AsArray() ?? []).Where(c => c?["metadata"]?[MetadataKey] is not null).ToList();
        foreach (var cell in appended)
        {
            var task = (string?)cell!["metadata"]![MetadataKey]!["task"];
            if (task is null || !checks.ContainsKey(task)) continue;   // the grader's own set-up cell
            foreach (var line in StdoutLines(cell))
                if (ParseMarker(line, token) is { } result && result.Task == task
                    && !checks[task].Any(c => c.Check == result.Check))
                    checks[task].Add(result);
            if (CellProblem(cell) is { } problem) problems[task].Add(problem);
        }
        foreach (var (task, _) in tasks)
        {
            if (appended.Count == 0 || !appended.Any(c => (string?)c?["metadata"]?[MetadataKey]?["task"] == task))
                problems[task].Add("its hidden tests did not run" + (runProblem is null ? "." : $": {runProblem}"));
        }
        return tasks.Select(t => new TaskGrade(t.Task, t.Points, checks[t.Task], problems[t.Task])).ToList();
    }

    /// <summary>The check a marker line reports, or null when the line is not a marker of the run with <paramref name="token"/>.</summary>
    public static CheckResult? ParseMarker(string line, string token)
    {
        var prefix = GradedChecks.MarkerPrefix + token + " ";
        if (!line.StartsWith(prefix, StringComparison.Ordinal)) return null;
        try
        {
            return JsonSerializer.Deserialize<CheckResult>(line[prefix.Length..], CheckResult.JsonOptions) is { Task: not null, Check: not null } result
                && double.IsFinite(result.Points) && result.Points >= 0 ? result : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> StdoutLines(JsonNode cell) =>
        (cell["outputs"]?.AsArray() ?? [])
            .Where(o => (string?)o?["output_type"] == "stream" && (string?)o?["name"] == "stdout")
            .SelectMany(o => ExecutedNotebookReader.JoinText(o!["text"]).Split('\n'))
            .Select(l => l.TrimEnd('\r'));

    private static string? CellProblem(JsonNode cell)
    {
        if (cell["metadata"]?["gan_runner"]?["message"] is { } stopped)
            return $"its hidden tests were stopped: {(string?)stopped}.";
        if (cell["execution_count"] is null)
            return "its hidden tests did not run.";
        foreach (var output in cell["outputs"]?.AsArray() ?? [])
        {
            var type = (string?)output?["output_type"];
            var text = type == "error" ? $"{output?["ename"]}: {output?["evalue"]}"
                : type == "stream" && (string?)output?["name"] == "stderr" ? ExecutedNotebookReader.JoinText(output?["text"]) : null;
            // Compiler warnings also go to stderr; only errors keep the checks from running.
            if (text is null || !text.Contains("error", StringComparison.OrdinalIgnoreCase)) continue;
            if (type != "error")
                text = string.Join("\n", text.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)));
            var first = string.Join(" ", text.Trim().Split('\n').Take(3).Select(l => l.Trim()));
            return $"its hidden tests failed to run: {(first.Length > 400 ? first[..400] + "…" : first)}";
        }
        return null;
    }
}
