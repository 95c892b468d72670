using System.Text.Json;
using System.Text.Json.Nodes;
using GanNotebooks.IO;

// Not "...Tests.Environment": that namespace would hide System.Environment in every test file.
namespace GanNotebooks.Tests.EnvironmentSetup;

/// <summary>The devcontainer definitions parse and carry the settings that matter (Docker cannot run here).</summary>
public sealed class DevcontainerTests
{
    private static readonly string Root = KitPaths.FindRepoRoot(AppContext.BaseDirectory)!;

    private static JsonNode Load(string flavour)
    {
        var text = File.ReadAllText(Path.Combine(Root, ".devcontainer", flavour, "devcontainer.json"));
        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
    }

    private static void AssertShared(JsonNode config, string flavour)
    {
        var dockerfile = Path.GetFullPath(Path.Combine(Root, ".devcontainer", flavour, (string)config["build"]!["dockerfile"]!));
        Assert.True(File.Exists(dockerfile), dockerfile);
        Assert.Equal(Root.TrimEnd('/'), Path.GetFullPath(Path.Combine(Root, ".devcontainer", flavour, (string)config["build"]!["context"]!)).TrimEnd('/'));
        var extensions = config["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains("ms-toolsai.jupyter", extensions);   // the maintained frontend, with the kit's kernel spec
        Assert.DoesNotContain(extensions, e => e.Contains("dotnet-interactive", StringComparison.OrdinalIgnoreCase));   // deprecated
        Assert.Contains("ms-dotnettools.csdevkit", extensions);
        Assert.Contains("environment/setup.sh", (string)config["postCreateCommand"]!);
        Assert.True(File.Exists(Path.Combine(Root, "environment", "setup.sh")));
        Assert.EndsWith("ubuntu24.04", ((string)config["build"]!["args"]!["BASE_IMAGE"]!).Replace(":", ""));
    }

    [Fact]
    public void The_GPU_container_asks_for_the_GPUs_and_the_cuda_backend()
    {
        var config = Load("gpu");
        AssertShared(config, "gpu");
        Assert.Equal(["--gpus", "all"], config["runArgs"]!.AsArray().Select(a => (string)a!));
        Assert.True((bool)config["hostRequirements"]!["gpu"]!);
        Assert.Equal("cuda", (string)config["containerEnv"]!["GAN_TORCH_BACKEND"]!);
        // TorchSharp-cuda-linux 0.107.0 carries LibTorch 2.10.0 built for CUDA 12.8.
        Assert.StartsWith("nvidia/cuda:12.8", (string)config["build"]!["args"]!["BASE_IMAGE"]!);
    }

    [Fact]
    public void The_CPU_container_has_no_GPU_requirements()
    {
        var config = Load("cpu");
        AssertShared(config, "cpu");
        Assert.Null(config["runArgs"]);
        Assert.Null(config["hostRequirements"]);
        Assert.Equal("cpu", (string)config["containerEnv"]!["GAN_TORCH_BACKEND"]!);
    }

    [Fact]
    public void The_Dockerfile_takes_the_base_image_and_installs_the_sdk_that_global_json_pins()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, ".devcontainer", "Dockerfile"));
        Assert.Contains("ARG BASE_IMAGE=", dockerfile);
        Assert.Contains("FROM ${BASE_IMAGE}", dockerfile);
        using var global = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "global.json")));
        var sdk = Version.Parse(global.RootElement.GetProperty("sdk").GetProperty("version").GetString()!);
        Assert.Contains($"dotnet-sdk-{sdk.Major}.{sdk.Minor}", dockerfile);
    }
}
