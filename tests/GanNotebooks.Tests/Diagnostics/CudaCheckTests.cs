using GanNotebooks.Diagnostics;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class CudaCheckTests
{
    private static CheckResult Run(string built, string? backend, string? device, int gpus, params string[] names) =>
        new CudaCheck(built, backend, device, () => gpus, () => names).Run();

    [Fact]
    public void Passes_with_a_visible_GPU_and_names_it()
    {
        var result = Run("cuda", "cuda", null, 1, "NVIDIA L4");
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("NVIDIA L4", result.Finding);
        Assert.Contains("runs on cuda", result.Finding);
    }

    [Fact]
    public void Passes_on_a_machine_without_a_GPU_built_for_the_CPU()
    {
        var result = Run("cpu", null, null, 0);
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("CPU", result.Finding);
    }

    [Fact]
    public void Fails_when_the_cuda_backend_was_asked_for_but_not_built()
    {
        var result = Run("cpu", "cuda", null, 0);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("GAN_TORCH_BACKEND=cuda ./gan build", result.Fix);
    }

    [Fact]
    public void Fails_when_built_for_cuda_without_a_driver_or_with_an_old_one()
    {
        var noDriver = Run("cuda", "cuda", null, 0);
        Assert.Equal(CheckStatus.Fail, noDriver.Status);
        Assert.Contains("--gpus all", noDriver.Fix);

        var oldDriver = Run("cuda", "cuda", null, 0, "Tesla K80");
        Assert.Equal(CheckStatus.Fail, oldDriver.Status);
        Assert.Contains("Tesla K80", oldDriver.Finding);
        Assert.Contains("driver", oldDriver.Fix);
    }

    [Fact]
    public void Fails_when_GAN_DEVICE_asks_for_a_missing_GPU()
    {
        var result = Run("cpu", null, "cuda:0", 0);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("GAN_DEVICE='cuda:0'", result.Finding);
    }

    [Fact]
    public void Warns_when_a_GPU_sits_unused_behind_a_CPU_build()
    {
        var result = Run("cpu", null, null, 0, "NVIDIA A100");
        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("NVIDIA A100", result.Finding);
        Assert.Contains("GAN_TORCH_BACKEND=cuda", result.Fix);
    }
}
