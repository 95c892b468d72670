using GanNotebooks.Diagnostics;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class DotnetSdkCheckTests
{
    private static string GlobalJson(TempFolder temp, string version)
    {
        var file = temp.File("global.json");
        File.WriteAllText(file, $$"""{ "sdk": { "version": "{{version}}", "rollForward": "latestFeature" } }""");
        return file;
    }

    [Fact]
    public void Passes_with_a_later_feature_band_of_the_same_release()
    {
        using var temp = new TempFolder();
        var result = new DotnetSdkCheck(GlobalJson(temp, "10.0.100"), () => ["8.0.404", "10.0.401"]).Run();
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("10.0.401", result.Finding);
    }

    [Fact]
    public void Fails_when_only_other_releases_or_older_bands_are_installed()
    {
        using var temp = new TempFolder();
        var result = new DotnetSdkCheck(GlobalJson(temp, "10.0.200"), () => ["9.0.300", "10.0.100", "11.0.100"]).Run();
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("9.0.300, 10.0.100, 11.0.100", result.Finding);
        Assert.Contains("Install the .NET 10.0 SDK", result.Fix);
    }

    [Fact]
    public void Fails_without_dotnet_or_without_a_readable_global_json()
    {
        using var temp = new TempFolder();
        Assert.Contains("not found", new DotnetSdkCheck(GlobalJson(temp, "10.0.100"), () => null).Run().Finding);
        File.WriteAllText(temp.File("global.json"), "{ \"sdk\": {} }");
        var unreadable = new DotnetSdkCheck(temp.File("global.json"), () => ["10.0.100"]).Run();
        Assert.Equal(CheckStatus.Fail, unreadable.Status);
        Assert.Contains("git checkout global.json", unreadable.Fix);
        Assert.Equal(CheckStatus.Fail, new DotnetSdkCheck(temp.File("absent.json"), () => ["10.0.100"]).Run().Status);
    }

    [Fact]
    public void The_repositorys_global_json_is_satisfied_on_this_machine()
    {
        var root = GanNotebooks.IO.KitPaths.FindRepoRoot(AppContext.BaseDirectory)!;
        Assert.Equal(CheckStatus.Pass, new DotnetSdkCheck(Path.Combine(root, "global.json")).Run().Status);
    }
}
