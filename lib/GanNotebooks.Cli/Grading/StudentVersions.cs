using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// Writes the student versions of every assignment notebook in a folder (<see cref="AssignmentNotebook.StudentVersion"/>).
/// The instructor's notebooks are never written: an output folder that is the source folder (symbolic links
/// resolved), or a file there that is a source notebook, is refused. A file already in the output folder is replaced
/// only when it is a student version written earlier (its metadata names its source) or when overwriting is asked for.
/// Every notebook is read and checked before the first file is written.
/// </summary>
public static class StudentVersions
{
    /// <summary>Writes them from <paramref name="sourceFolder"/> to <paramref name="outputFolder"/>; returns one line per notebook written.</summary>
    /// <exception cref="FormatException">
    /// A notebook is not a notebook, or its regions or hidden-test headers are malformed, or writing would destroy a
    /// source notebook or a file that is not an earlier student version (nothing is written).
    /// </exception>
    public static IReadOnlyList<string> WriteAll(string sourceFolder, string outputFolder, bool overwrite = false)
    {
        var sources = Directory.GetFiles(sourceFolder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
        var resolvedSources = sources.Select(PathCheck.Resolve).ToHashSet(StringComparer.Ordinal);
        if (PathCheck.Resolve(sourceFolder) == PathCheck.Resolve(outputFolder))
            throw new FormatException($"--out {Path.GetFullPath(outputFolder)} is the source folder {Path.GetFullPath(sourceFolder)}: the student versions "
                + "would replace the instructor's notebooks. Give another folder with --out (default artifacts/student).");
        var assignments = sources.Select(AssignmentNotebook.Load).Where(a => a.IsAssignment).ToList();
        foreach (var assignment in assignments)
        {
            var path = Path.Combine(outputFolder, assignment.FileName);
            if (resolvedSources.Contains(PathCheck.Resolve(path)))
                throw new FormatException($"{Path.GetFullPath(path)} is the instructor's notebook {PathCheck.Resolve(path)}: writing the student version "
                    + "there would replace it. Give another folder with --out.");
            if (!overwrite && PathCheck.Classify(path) != PathKind.Missing && !IsStudentVersion(path, assignment.FileName))
                throw new FormatException($"{Path.GetFullPath(path)} exists and is not a student version written by gan assignments student; "
                    + "nothing was written. Move it away, give another folder with --out, or add --overwrite to replace it.");
        }
        var lines = new List<string>();
        Directory.CreateDirectory(outputFolder);
        foreach (var assignment in assignments)
        {
            var path = Path.Combine(outputFolder, assignment.FileName);
            var json = assignment.StudentVersion().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(json + "\n"));
            lines.Add($"{path}: {assignment.SolutionRegionCount} solution region(s) stubbed, {assignment.HiddenTests.Count} hidden test cell(s) removed "
                + $"({string.Join(", ", assignment.Tasks.Select(t => $"{t.Task} {t.Points:0.##} points"))})");
        }
        return lines;
    }

    private static bool IsStudentVersion(string path, string fileName)
    {
        try
        {
            return (string?)NotebookFile.Read(path)["metadata"]?["gan_assignment"]?["source"] == fileName;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return false;
        }
    }
}
