using GanNotebooks.Cli.Commands;
using GanNotebooks.Cli.Grading;
using GanNotebooks.Cli.Runner;
using GanNotebooks.Tests.Cli;
using GanNotebooks.Tests.Data;
using GanNotebooks.Tests.IO;

namespace GanNotebooks.Tests.Notebooks;

/// <summary>Everything that is not a notebook gets "&lt;file&gt; is not a Jupyter notebook: &lt;what&gt;", wherever the CLI reads one.</summary>
public class NotebookFileTests
{
    [Theory]
    [InlineData("{}", "it has no \"cells\" list")]
    [InlineData("[]", "its JSON is array, not an object with \"cells\"")]
    [InlineData("null", "its JSON is null, not an object with \"cells\"")]
    [InlineData("{\"cells\": 3}", "its \"cells\" is not a list")]
    [InlineData("{\"cells\": [1]}", "cell 1 is not an object")]
    [InlineData("{\"cells\": [], \"metadata\": []}", "its \"metadata\" is not an object")]
    [InlineData("print('hello')", "it is not JSON (")]
    [InlineData("", "it is not JSON (")]
    public void Not_a_notebook_is_said_in_one_sentence_naming_the_file(string text, string what)
    {
        using var temp = new TempFolder();
        var path = temp.File("02-task.ipynb");
        File.WriteAllText(path, text);

        var error = Assert.Throws<FormatException>(() => NotebookFile.Read(path));
        var limits = NotebookLimitsReader.Read(path, new RunnerOptions { RepoRoot = temp.Path }, out var limitsError);
        var assignment = Assert.Throws<FormatException>(() => AssignmentNotebook.Load(path));

        Assert.StartsWith($"{path} is not a Jupyter notebook: {what}", error.Message);
        Assert.Null(limits);
        Assert.StartsWith($"02-task.ipynb is not a Jupyter notebook: {what}", limitsError);
        Assert.Equal(error.Message, assignment.Message);
        Assert.DoesNotContain("Exception", error.Message);
    }

    [Fact]
    public void A_named_pipe_in_place_of_a_notebook_is_named_without_being_opened()
    {
        using var temp = new TempFolder();
        var path = temp.File("02-task.ipynb");
        SpecialFiles.MakeNamedPipe(path);

        Assert.Equal($"{path} is a named pipe (FIFO), not a file", Assert.Throws<FormatException>(() => NotebookFile.Read(path)).Message);
    }

    [Fact]
    public void Gan_assignments_with_an_empty_notebook_prints_one_line_and_writes_nothing()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("notebooks"));
        File.WriteAllText(temp.File("notebooks", "02-task.ipynb"), "{}");

        var (code, output, error) = GanProcess.Run(new Dictionary<string, string>(),
            "assignments", "student", "--source", temp.File("notebooks"), "--out", temp.File("student"));

        Assert.Equal(1, code);
        Assert.Equal($"{temp.File("notebooks", "02-task.ipynb")} is not a Jupyter notebook: it has no \"cells\" list.", error.Trim());
        Assert.Equal("", output);
        Assert.False(Directory.Exists(temp.File("student")));
    }

    [Fact]
    public void Gan_grade_refuses_an_output_that_is_the_submissions_folder_or_a_file_before_any_work()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("submissions", "alice"));
        File.WriteAllText(temp.File("file"), "x");

        Assert.Equal($"--out {temp.File("submissions")} is the submissions folder; the gradebook, reports/ and executed/ would be written among its files. Give another folder.",
            GradeCommand.OptionProblem(temp.File("submissions"), null, temp.File("submissions")));
        Assert.Equal($"--out: {temp.File("file")} is a file, not a folder; give a folder for the gradebook (it is created if missing).",
            GradeCommand.OptionProblem(temp.File("submissions"), null, temp.File("file")));
        Assert.Equal($"submissions: {temp.File("file")} is a file, not a folder; give the folder with one folder per student.",
            GradeCommand.OptionProblem(temp.File("file"), null, null));
        Assert.Null(GradeCommand.OptionProblem(temp.File("submissions"), null, temp.File("gradebook")));
    }
}
