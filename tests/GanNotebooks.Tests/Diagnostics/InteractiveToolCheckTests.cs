using GanNotebooks.Diagnostics;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class InteractiveToolCheckTests
{
    private static string Manifest(TempFolder temp, string version)
    {
        var file = temp.File("dotnet-tools.json");
        File.WriteAllText(file, $$"""{ "version": 1, "tools": { "microsoft.dotnet-interactive": { "version": "{{version}}", "commands": ["dotnet-interactive"] } } }""");
        return file;
    }

    [Fact]
    public void Passes_when_the_pinned_version_is_restored()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("packages", InteractiveToolCheck.PackageId, "1.2.3", "tools"));
        var result = new InteractiveToolCheck(Manifest(temp, "1.2.3"), temp.File("packages")).Run();
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("1.2.3", result.Finding);
    }

    [Fact]
    public void Fails_with_dotnet_tool_restore_when_it_is_not()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("packages", InteractiveToolCheck.PackageId, "1.0.0", "tools"));
        var result = new InteractiveToolCheck(Manifest(temp, "1.2.3"), temp.File("packages")).Run();
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("dotnet tool restore", result.Fix);
    }

    [Fact]
    public void Fails_on_a_missing_manifest()
    {
        using var temp = new TempFolder();
        var result = new InteractiveToolCheck(temp.File("none.json"), temp.Path).Run();
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("git checkout .config/dotnet-tools.json", result.Fix);
    }
}
