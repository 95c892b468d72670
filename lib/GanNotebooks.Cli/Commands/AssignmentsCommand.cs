using System.CommandLine;
using GanNotebooks.Cli.Grading;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Commands;

/// <summary><c>gan assignments student</c>: writes the student versions of the instructor's assignment notebooks.</summary>
public static class AssignmentsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Folder for the student versions (default: artifacts/student)." };
        var source = new Option<string?>("--source") { Description = "Folder of the instructor's notebooks (default: notebooks/)." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace files in --out that are not student versions written earlier (those are always replaced)." };
        var student = new Command("student", "Write the student version of every assignment notebook (one with solution regions or hidden "
            + "test cells): solution regions replaced by a line that throws \"not implemented\", hidden test cells removed, outputs cleared.")
        {
            output, source, overwrite,
        };
        student.SetAction(parse =>
        {
            var from = parse.GetValue(source) is { } s ? Path.GetFullPath(s) : Path.Combine(KitPaths.RepoRoot, "notebooks");
            var to = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : Path.Combine(KitPaths.ArtifactsRoot, "student");
            if (PathCheck.FolderProblem(from) is { } sourceProblem)
            {
                Console.Error.WriteLine($"--source: {sourceProblem}; give the folder of the instructor's notebooks.");
                return 2;
            }
            if (PathCheck.OutputFolderProblem(to) is { } outProblem)
            {
                Console.Error.WriteLine($"--out: {outProblem}; give a folder for the student versions (it is created if missing).");
                return 2;
            }
            try
            {
                foreach (var line in StudentVersions.WriteAll(from, to, parse.GetValue(overwrite))) Console.WriteLine(line);
                return 0;
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"gan assignments student: {e.Message}");
                return 1;
            }
        });
        return new Command("assignments", "Course assignments made from the notebooks (see notebooks/README.md).") { student };
    }
}
