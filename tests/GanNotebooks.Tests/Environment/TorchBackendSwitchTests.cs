using System.Diagnostics;
using System.Text.Json;
using GanNotebooks.IO;

// Not "...Tests.Environment": that namespace would hide System.Environment in every test file.
namespace GanNotebooks.Tests.EnvironmentSetup;

/// <summary>
/// The backend switch, checked by evaluating the projects (no restore: the CUDA package is not needed to see which
/// package a build would reference).
/// </summary>
public sealed class TorchBackendSwitchTests
{
    private static readonly string Root = KitPaths.FindRepoRoot(AppContext.BaseDirectory)!;
    private static readonly string Library = Path.Combine(Root, "lib", "GanNotebooks", "GanNotebooks.csproj");

    private static (int ExitCode, string Output) MsBuild(string? backendVariable, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var a in new[] { "msbuild", "-nologo", "-nodeReuse:false" }.Concat(arguments))
            info.ArgumentList.Add(a);
        info.Environment.Remove("GAN_TORCH_BACKEND");
        if (backendVariable is not null)
            info.Environment["GAN_TORCH_BACKEND"] = backendVariable;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static (string Backend, List<string> Packages) Evaluate(string? backendVariable, params string[] extra)
    {
        var (code, output) = MsBuild(backendVariable, [Library, "-getProperty:TorchBackend", "-getItem:PackageReference", .. extra]);
        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(output);
        var packages = json.RootElement.GetProperty("Items").GetProperty("PackageReference").EnumerateArray()
            .Select(i => i.GetProperty("Identity").GetString()!).ToList();
        return (json.RootElement.GetProperty("Properties").GetProperty("TorchBackend").GetString()!, packages);
    }

    [Fact]
    public void The_default_is_the_cpu_natives()
    {
        var (backend, packages) = Evaluate(null);
        Assert.Equal("cpu", backend);
        Assert.Contains("libtorch-cpu-linux-x64", packages);
        Assert.DoesNotContain("TorchSharp-cuda-linux", packages);
        Assert.Contains("TorchSharp", packages);
    }

    [Fact]
    public void The_msbuild_property_selects_cuda()
    {
        var (backend, packages) = Evaluate(null, "-p:TorchBackend=cuda");
        Assert.Equal("cuda", backend);
        Assert.Contains("TorchSharp-cuda-linux", packages);
        Assert.DoesNotContain("libtorch-cpu-linux-x64", packages);
    }

    [Fact]
    public void The_environment_variable_selects_cuda_in_any_case_and_the_property_wins_over_it()
    {
        var (backend, packages) = Evaluate(" CUDA ");
        Assert.Equal("cuda", backend);
        Assert.Contains("TorchSharp-cuda-linux", packages);

        Assert.Equal("cpu", Evaluate("cuda", "-p:TorchBackend=cpu").Backend);
    }

    [Fact]
    public void The_notebook_build_follows_the_switch_and_keeps_the_libstdcxx_fix()
    {
        var interactive = Path.Combine(Root, "lib", "GanNotebooks.Interactive", "GanNotebooks.Interactive.csproj");
        var (code, output) = MsBuild("cuda", interactive, "-getProperty:TorchBackend", "-getProperty:OutDir");
        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(output);
        var properties = json.RootElement.GetProperty("Properties");
        Assert.Equal("cuda", properties.GetProperty("TorchBackend").GetString());
        Assert.EndsWith("build/notebook/", properties.GetProperty("OutDir").GetString());

        // The step that relaxes libLibTorchSharp.so's GLIBCXX_3.4.32 runs after the copy to the output, whatever the backend.
        var preprocessed = Path.Combine(Path.GetTempPath(), $"gan-pp-{Guid.NewGuid():N}.xml");
        try
        {
            Assert.Equal(0, MsBuild("cuda", interactive, $"-preprocess:{preprocessed}").ExitCode);
            var text = File.ReadAllText(preprocessed);
            Assert.Contains("<Target Name=\"GanFixLibTorchSharp\" AfterTargets=\"CopyFilesToOutputDirectory\"", text);
            Assert.Contains("$(OutDir)libLibTorchSharp.so", text);
        }
        finally
        {
            File.Delete(preprocessed);
        }
    }

    [Fact]
    public void An_unknown_backend_stops_the_build_with_the_fix()
    {
        var (code, output) = MsBuild("rocm", Library, "-t:GanCheckTorchBackend");
        Assert.NotEqual(0, code);
        Assert.Contains("GAN001", output);
        Assert.Contains("'rocm'", output);
        Assert.Contains("GAN_TORCH_BACKEND=cuda", output);
        Assert.Equal(0, MsBuild("cuda", Library, "-t:GanCheckTorchBackend").ExitCode);
    }

    [Fact]
    public void The_cuda_package_version_is_pinned_with_TorchSharps()
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Packages.props"));
        Assert.Contains("<PackageVersion Include=\"TorchSharp-cuda-linux\" Version=\"0.107.0\" />", props);
        Assert.Contains("<PackageVersion Include=\"TorchSharp\" Version=\"0.107.0\" />", props);
    }
}
