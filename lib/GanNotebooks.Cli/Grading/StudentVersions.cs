using System.Text;
using System.Text.Json;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Grading;

/// <summary>Writes the student versions of every assignment notebook in a folder (<see cref="AssignmentNotebook.StudentVersion"/>).</summary>
public static class StudentVersions
{
    /// <summary>Writes them from <paramref name="sourceFolder"/> to <paramref name="outputFolder"/>; returns one line per notebook written.</summary>
    /// <exception cref="FormatException">A notebook's regions or hidden-test headers are malformed (nothing is written for it).</exception>
    public static IReadOnlyList<string> WriteAll(string sourceFolder, string outputFolder)
    {
        var lines = new List<string>();
        Directory.CreateDirectory(outputFolder);
        foreach (var file in Directory.GetFiles(sourceFolder, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var assignment = AssignmentNotebook.Load(file);
            if (!assignment.IsAssignment) continue;
            var path = Path.Combine(outputFolder, assignment.FileName);
            var json = assignment.StudentVersion().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(json + "\n"));
            lines.Add($"{path}: {assignment.SolutionRegionCount} solution region(s) stubbed, {assignment.HiddenTests.Count} hidden test cell(s) removed "
                + $"({string.Join(", ", assignment.Tasks.Select(t => $"{t.Task} {t.Points:0.##} points"))})");
        }
        return lines;
    }
}
