using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Notebooks;

public sealed class KernelSpecTests
{
    [Fact]
    public void The_kernel_listens_on_local_interfaces_only()
    {
        using var folder = new TempFolder();
        var file = KernelSpec.Write(folder.Path);
        Assert.Equal(Path.Combine(folder.Path, "kernels", ".net-csharp", "kernel.json"), file);
        var argv = JsonNode.Parse(File.ReadAllText(file))!["argv"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.Contains("--http-local-only", argv);
        Assert.Contains("{connection_file}", argv);
        Assert.Equal(["dotnet", "tool", "run", "dotnet-interactive", "jupyter"], argv.Take(5));
    }
}
