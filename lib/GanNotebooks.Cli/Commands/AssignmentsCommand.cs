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
        var student = new Command("student", "Write the student version of every assignment notebook (one with solution regions or hidden "
            + "test cells): solution regions replaced by a line that throws \"not implemented\", hidden test cells removed, outputs cleared.")
        {
            output, source,
        };
        student.SetAction(parse =>
        {
            var from = parse.GetValue(source) is { } s ? Path.GetFullPath(s) : Path.Combine(KitPaths.RepoRoot, "notebooks");
            var to = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : Path.Combine(KitPaths.ArtifactsRoot, "student");
            try
            {
                foreach (var line in StudentVersions.WriteAll(from, to)) Console.WriteLine(line);
                return 0;
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return new Command("assignments", "Course assignments made from the notebooks (see notebooks/README.md).") { student };
    }
}
