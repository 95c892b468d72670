using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Notebooks;

public sealed class KernelSpecTests
{
    [Fact]
    public void The_kernel_listens_on_local_interfaces_only_behind_the_launcher()
    {
        using var folder = new TempFolder();
        var file = KernelSpec.Write(folder.Path);
        Assert.Equal(Path.Combine(folder.Path, "kernels", ".net-csharp", "kernel.json"), file);
        var argv = JsonNode.Parse(File.ReadAllText(file))!["argv"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.Contains("--http-local-only", argv);
        Assert.Contains("{connection_file}", argv);
        Assert.Equal(["--isolation", "best-effort", "{connection_file}", "--"], argv.Skip(2).Take(4));
    }

    [Fact]
    public void Writing_the_same_spec_again_leaves_the_files_untouched()
    {
        using var folder = new TempFolder();
        var file = KernelSpec.Write(folder.Path);
        var written = File.GetLastWriteTimeUtc(file);
        Thread.Sleep(20);
        KernelSpec.Write(folder.Path);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
    }
}
