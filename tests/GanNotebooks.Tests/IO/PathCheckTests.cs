using GanNotebooks.IO;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.IO;

public class PathCheckTests
{
    [Fact]
    public void Tells_every_kind_of_path_apart_without_opening_a_named_pipe()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("file"), "x");
        Directory.CreateDirectory(temp.File("folder"));
        SpecialFiles.MakeNamedPipe(temp.File("pipe"));
        using var _ = SpecialFiles.MakeSocket(temp.File("socket"));
        File.CreateSymbolicLink(temp.File("dangling"), temp.File("nowhere"));
        File.CreateSymbolicLink(temp.File("link-to-file"), temp.File("file"));
        SpecialFiles.MakeLinkLoop(temp.File("loop"));

        Assert.Equal(PathKind.RegularFile, PathCheck.Classify(temp.File("file")));
        Assert.Equal(PathKind.RegularFile, PathCheck.Classify(temp.File("link-to-file")));
        Assert.Equal(PathKind.Directory, PathCheck.Classify(temp.File("folder")));
        Assert.Equal(PathKind.NamedPipe, PathCheck.Classify(temp.File("pipe")));
        Assert.Equal(PathKind.Socket, PathCheck.Classify(temp.File("socket")));
        Assert.Equal(PathKind.Device, PathCheck.Classify("/dev/null"));
        Assert.Equal(PathKind.DanglingLink, PathCheck.Classify(temp.File("dangling")));
        Assert.Equal(PathKind.LinkLoop, PathCheck.Classify(temp.File("loop")));
        Assert.Equal(PathKind.Missing, PathCheck.Classify(temp.File("absent")));
        Assert.Equal(PathKind.FileOnTheWay, PathCheck.Classify(temp.File("file", "below")));
    }

    [Fact]
    public void File_problems_name_the_path_and_what_is_there_instead()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("folder"));
        SpecialFiles.MakeNamedPipe(temp.File("pipe"));
        File.CreateSymbolicLink(temp.File("dangling"), "/nowhere/at/all");
        SpecialFiles.MakeLinkLoop(temp.File("loop"));
        File.WriteAllText(temp.File("file"), "x");

        Assert.Null(PathCheck.FileProblem(temp.File("file")));
        Assert.Equal($"{temp.File("folder")} is a directory, not a file", PathCheck.FileProblem(temp.File("folder")));
        Assert.Equal($"{temp.File("pipe")} is a named pipe (FIFO), not a file", PathCheck.FileProblem(temp.File("pipe")));
        Assert.Equal($"{temp.File("dangling")} is a symbolic link to /nowhere/at/all, which does not exist", PathCheck.FileProblem(temp.File("dangling")));
        Assert.Contains("loops", PathCheck.FileProblem(temp.File("loop")));
        Assert.Equal($"{temp.File("absent")} does not exist", PathCheck.FileProblem(temp.File("absent")));
        Assert.Equal($"{temp.File("file")} is a file, not a folder", PathCheck.FolderProblem(temp.File("file")));
    }

    [Fact]
    public void Output_paths_may_be_new_or_regular_but_nothing_else()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("file"), "x");
        SpecialFiles.MakeNamedPipe(temp.File("pipe"));

        Assert.Null(PathCheck.OutputFileProblem(temp.File("new", "deeper", "report.json")));
        Assert.Null(PathCheck.OutputFileProblem(temp.File("file")));
        Assert.Null(PathCheck.OutputFolderProblem(temp.Path));
        Assert.Equal($"{temp.Path} is a directory, not a file", PathCheck.OutputFileProblem(temp.Path));
        Assert.Equal($"{temp.File("pipe")} is a named pipe (FIFO), not a file", PathCheck.OutputFileProblem(temp.File("pipe")));
        Assert.Equal($"{temp.File("file")} is a file, not a folder", PathCheck.OutputFolderProblem(temp.File("file")));
        Assert.Contains("a part of the path before it is a file", PathCheck.OutputFileProblem(temp.File("file", "report.json")));
    }

    [Fact]
    public void A_file_that_refuses_to_be_read_is_unreadable_and_its_failure_is_one_line()
    {
        if (!File.Exists(SpecialFiles.UnreadableEvenForRoot)) return;   // no sysfs here
        var path = SpecialFiles.UnreadableEvenForRoot;

        Assert.Equal(PathKind.Unreadable, PathCheck.Classify(path));
        Assert.Equal($"{path} cannot be read: permission denied", PathCheck.FileProblem(path));
        var failure = Assert.Throws<UnauthorizedAccessException>(() => File.ReadAllBytes(path));
        Assert.Equal($"{path} cannot be read or written: permission denied", PathCheck.DescribeFailure(path, failure));
    }

    [Fact]
    public void Describes_an_unreadable_path_and_a_system_failure_without_exception_types()
    {
        Assert.Equal("/x/y cannot be read: permission denied", PathCheck.Describe("/x/y", PathKind.Unreadable, "a file"));
        Assert.Equal("/x/y: Input/output error", PathCheck.DescribeFailure("/x/y", new IOException("Input/output error")));
        Assert.Equal("Could not find file '/x/y'", PathCheck.DescribeFailure("/x/y", new FileNotFoundException("Could not find file '/x/y'.")));
    }
}
