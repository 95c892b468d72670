using System.Text.Json.Nodes;
using GanNotebooks.Cli.Grading;
using GanNotebooks.Tests.Cli;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Grading;

/// <summary>gan assignments student never writes over the instructor's notebooks or files it did not write.</summary>
public class StudentVersionsTests
{
    private static string WriteAssignment(string folder, string name = "02-task.ipynb")
    {
        Directory.CreateDirectory(folder);
        var cell = new JsonObject
        {
            ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["execution_count"] = 1,
            ["source"] = $"var x = 1;\n{SolutionRegions.BeginMarker}\nx = 2;\n{SolutionRegions.EndMarker}\n",
        };
        var notebook = new JsonObject { ["cells"] = new JsonArray(cell), ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    [Fact]
    public void The_source_folder_as_output_is_refused_and_the_instructor_notebooks_stay_as_they_were()
    {
        using var temp = new TempFolder();
        var source = temp.File("notebooks");
        WriteAssignment(source);
        var before = Snapshot(source);

        var (code, output, error) = GanProcess.Run(new Dictionary<string, string>(), "assignments", "student", "--source", source, "--out", source);

        Assert.Equal(1, code);
        Assert.Equal($"--out {source} is the source folder {source}: the student versions would replace the instructor's notebooks. "
            + "Give another folder with --out (default artifacts/student).", error.Trim());
        Assert.Equal("", output);
        Assert.Equal(before, Snapshot(source));
    }

    [Fact]
    public void A_link_to_the_source_folder_or_to_a_source_notebook_is_refused()
    {
        using var temp = new TempFolder();
        var source = temp.File("notebooks");
        var notebook = WriteAssignment(source);
        var before = Snapshot(source);
        Directory.CreateSymbolicLink(temp.File("alias"), source);
        Directory.CreateDirectory(temp.File("handout"));
        File.CreateSymbolicLink(temp.File("handout", "02-task.ipynb"), notebook);

        var alias = Assert.Throws<FormatException>(() => StudentVersions.WriteAll(source, temp.File("alias")));
        var linked = Assert.Throws<FormatException>(() => StudentVersions.WriteAll(source, temp.File("handout"), overwrite: true));

        Assert.Contains("is the source folder", alias.Message);
        Assert.Equal($"{temp.File("handout", "02-task.ipynb")} is the instructor's notebook {notebook}: writing the student version there would replace it. "
            + "Give another folder with --out.", linked.Message);
        Assert.Equal(before, Snapshot(source));
    }

    [Fact]
    public void A_file_it_did_not_write_is_replaced_only_when_asked_and_its_own_output_always()
    {
        using var temp = new TempFolder();
        var source = temp.File("notebooks");
        WriteAssignment(source);
        var handout = temp.File("handout");
        Directory.CreateDirectory(handout);
        var mine = Path.Combine(handout, "02-task.ipynb");
        File.WriteAllText(mine, "my own notes");

        var refused = Assert.Throws<FormatException>(() => StudentVersions.WriteAll(source, handout));
        Assert.Equal($"{mine} exists and is not a student version written by gan assignments student; nothing was written. "
            + "Move it away, give another folder with --out, or add --overwrite to replace it.", refused.Message);
        Assert.Equal("my own notes", File.ReadAllText(mine));

        Assert.Single(StudentVersions.WriteAll(source, handout, overwrite: true));
        Assert.Single(StudentVersions.WriteAll(source, handout));   // its own earlier output is replaced without asking
        Assert.Contains("NotImplementedException", File.ReadAllText(mine));
    }

    [Fact]
    public void An_output_folder_inside_the_source_folder_is_fine()
    {
        using var temp = new TempFolder();
        var source = temp.File("notebooks");
        WriteAssignment(source);
        var before = Snapshot(source);

        Assert.Single(StudentVersions.WriteAll(source, Path.Combine(source, "student")));

        Assert.Equal(before, Snapshot(source).Where(f => !f.Key.Contains("/student/")).ToDictionary());
    }
}
