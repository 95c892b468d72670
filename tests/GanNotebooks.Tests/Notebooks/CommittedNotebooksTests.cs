using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;
using GanNotebooks.IO;

namespace GanNotebooks.Tests.Notebooks;

public sealed class CommittedNotebooksTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        var root = KitPaths.FindRepoRoot(AppContext.BaseDirectory)!;
        foreach (var file in Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    private static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(KitPaths.FindRepoRoot(AppContext.BaseDirectory)!, "notebooks", name)))!;

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_is_committed_without_outputs(string name)
    {
        var notebook = Load(name);
        Assert.Equal(0, ExecutedNotebookReader.OutputCount(notebook));
        Assert.All(notebook["cells"]!.AsArray(), c => Assert.True(c!["execution_count"] is null || c["cell_type"]!.GetValue<string>() != "code"));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_asks_for_the_kits_kernel_and_loads_the_built_library(string name)
    {
        var notebook = Load(name);
        Assert.Equal(KernelSpec.Name, (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        var firstCode = notebook["cells"]!.AsArray().First(c => (string?)c!["cell_type"] == "code")!;
        var source = ExecutedNotebookReader.JoinText(firstCode["source"]);
        Assert.Contains("#r \"../build/notebook/GanNotebooks.Interactive.dll\"", source);
        Assert.Contains("./gan build", source);   // says what to run when the library is not built
        Assert.Contains($"NotebookSetup.Initialize(\"{Path.GetFileNameWithoutExtension(name)}\")", source);
    }
}
