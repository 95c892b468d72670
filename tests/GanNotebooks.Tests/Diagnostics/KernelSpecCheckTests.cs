using GanNotebooks.Cli.Runner;
using GanNotebooks.Diagnostics;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class KernelSpecCheckTests
{
    [Fact]
    public void Passes_on_the_spec_that_gan_jupyter_install_writes()
    {
        using var temp = new TempFolder();
        var file = KernelSpec.Write(temp.File("user"));
        var result = new KernelSpecCheck([temp.File("user"), temp.File("system")], temp.File("runner")).Run();
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains(file, result.Finding);
    }

    [Fact]
    public void Warns_when_only_the_runners_copy_exists()
    {
        using var temp = new TempFolder();
        KernelSpec.Write(temp.File("runner"));
        var result = new KernelSpecCheck([temp.File("user")], temp.File("runner")).Run();
        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("serves ./gan run only", result.Finding);
        Assert.Contains("./gan jupyter install", result.Fix);
    }

    [Fact]
    public void Warns_on_a_foreign_spec_and_fails_on_a_broken_one()
    {
        using var temp = new TempFolder();
        var folder = temp.File("user", "kernels", KernelSpecCheck.KernelName);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"), """{ "argv": ["dotnet", "interactive", "jupyter", "{connection_file}"] }""");
        Assert.Equal(CheckStatus.Warn, new KernelSpecCheck([temp.File("user")], temp.File("runner")).Run().Status);

        File.WriteAllText(Path.Combine(folder, "kernel.json"), "{ not json");
        var broken = new KernelSpecCheck([temp.File("user")], temp.File("runner")).Run();
        Assert.Equal(CheckStatus.Fail, broken.Status);
        Assert.Contains("not a readable kernel spec", broken.Finding);
    }
}
