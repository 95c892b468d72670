using GanNotebooks.Hardware;

namespace GanNotebooks.Tests.Hardware;

public sealed class ComputeDeviceTests
{
    [Theory]
    [InlineData(null, 0, "cpu")]
    [InlineData("", 2, "cuda")]
    [InlineData(null, 1, "cuda")]
    [InlineData("cpu", 1, "cpu")]
    [InlineData(" CUDA ", 1, "cuda")]
    [InlineData("cuda:1", 2, "cuda:1")]
    public void Chooses_the_GPU_when_there_is_one_unless_told_otherwise(string? requested, int gpus, string expected)
    {
        Assert.Equal(expected, ComputeDevice.Choose(requested, gpus));
    }

    [Fact]
    public void Asking_for_a_GPU_that_is_not_there_says_how_to_fix_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ComputeDevice.Choose("cuda", 0));
        Assert.Contains("GAN_DEVICE='cuda'", e.Message);
        Assert.Contains("GAN_TORCH_BACKEND=cuda", e.Message);
        Assert.Contains("GAN_DEVICE=cpu", e.Message);

        var beyond = Assert.Throws<InvalidOperationException>(() => ComputeDevice.Choose("cuda:2", 2));
        Assert.Contains("cuda:0 to cuda:1", beyond.Message);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:x")]
    [InlineData("cuda:-1")]
    public void A_malformed_request_is_refused_naming_the_variable(string requested)
    {
        var e = Assert.Throws<InvalidOperationException>(() => ComputeDevice.Choose(requested, 4));
        Assert.StartsWith($"GAN_DEVICE='{requested}'", e.Message);
    }

    [Fact]
    public void Describe_reports_the_device_gpus_and_threads()
    {
        var report = ComputeDevice.Describe(null, 2, ["NVIDIA A10G", "NVIDIA A10G"]);
        Assert.Equal("cuda", report.Device);
        Assert.Equal(2, report.CudaDeviceCount);
        Assert.True(report.Threads >= 1);
        Assert.Null(report.Problem);
        Assert.Contains("2 GPU(s) (NVIDIA A10G, NVIDIA A10G)", report.ToString());

        var cpu = ComputeDevice.Describe("cuda", 0, []);
        Assert.Equal("cpu", cpu.Device);
        Assert.Contains("sees none", cpu.Problem);
        Assert.Contains("no GPU visible", cpu.ToString());
    }

    [Fact]
    public void Best_follows_what_TorchSharp_sees_on_this_machine()
    {
        var gpus = ComputeDevice.CudaDeviceCount();
        if (ComputeDevice.BuiltBackend == "cpu")
            Assert.Equal(0, gpus);   // CPU natives never see a GPU
        var requested = Environment.GetEnvironmentVariable(ComputeDevice.Variable);
        var expected = gpus > 0 && requested?.Trim() != "cpu" ? TorchSharp.DeviceType.CUDA : TorchSharp.DeviceType.CPU;
        Assert.Equal(expected, ComputeDevice.Best().type);
    }
}
