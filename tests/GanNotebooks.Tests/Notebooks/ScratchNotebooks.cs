using System.Text.Json.Nodes;
using GanNotebooks.IO;

namespace GanNotebooks.Tests.Notebooks;

/// <summary>
/// Small C# notebooks written for a test into a fresh folder under the repository's build/ (inside the repository,
/// so that the kernel's <c>dotnet tool run dotnet-interactive</c> finds the tool manifest). Deleted on dispose.
/// </summary>
public sealed class ScratchNotebooks : IDisposable
{
    public ScratchNotebooks()
    {
        RepoRoot = KitPaths.FindRepoRoot(AppContext.BaseDirectory)!;
        Folder = Path.Combine(RepoRoot, "build", "test-notebooks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Output = Path.Combine(Folder, "executed");
    }

    public string RepoRoot { get; }

    public string Folder { get; }

    /// <summary>Where the runner is told to write executed and partial notebooks.</summary>
    public string Output { get; }

    /// <summary>Writes <paramref name="name"/>.ipynb: a markdown cell, then one code cell per source (so code cell k is cell k + 1).</summary>
    public string Write(string name, params string[] codeCells) => Write(name, null, codeCells);

    /// <summary>
    /// Writes <paramref name="name"/>.ipynb as <see cref="Write(string, string[])"/> does, with <paramref name="runnerSettings"/>
    /// as the notebook's top-level <c>"gan"</c> metadata (e.g. <c>{"notebook_timeout": "15s"}</c>).
    /// </summary>
    public string WriteWithRunnerSettings(string name, JsonNode runnerSettings, params string[] codeCells) =>
        Write(name, runnerSettings, codeCells);

    private string Write(string name, JsonNode? runnerSettings, string[] codeCells)
    {
        var cells = new JsonArray(new JsonObject
        {
            ["cell_type"] = "markdown", ["id"] = "title", ["metadata"] = new JsonObject(), ["source"] = $"# {name}",
        });
        for (int i = 0; i < codeCells.Length; i++)
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code", ["id"] = $"code{i + 1}", ["metadata"] = new JsonObject(), ["source"] = codeCells[i],
                ["outputs"] = new JsonArray(), ["execution_count"] = null,
            });
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" },
            },
            ["cells"] = cells,
        };
        if (runnerSettings is not null)
            notebook["metadata"]!["gan"] = runnerSettings.DeepClone();
        var path = Path.Combine(Folder, name + ".ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>Reads a notebook the runner wrote into <see cref="Output"/>.</summary>
    public JsonNode ReadOutput(string fileName) => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, fileName)))!;

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
