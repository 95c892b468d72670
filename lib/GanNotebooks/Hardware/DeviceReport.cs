namespace GanNotebooks.Hardware;

/// <summary>
/// What a notebook computes on, as <see cref="ComputeDevice.Describe()"/> found it. Introduced in notebook 00-setup.
/// </summary>
/// <param name="Device">The device tensors go to: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</param>
/// <param name="Backend">The native backend the library was built with: <c>cpu</c> or <c>cuda</c>.</param>
/// <param name="CudaDeviceCount">How many GPUs TorchSharp sees.</param>
/// <param name="GpuNames">The NVIDIA GPUs the driver reports (empty without a driver).</param>
/// <param name="Threads">TorchSharp's CPU threads.</param>
/// <param name="Problem">Why the requested device (<c>GAN_DEVICE</c>) could not be used, or null.</param>
public sealed record DeviceReport(string Device, string Backend, int CudaDeviceCount, IReadOnlyList<string> GpuNames, int Threads, string? Problem)
{
    /// <summary>One line such as "cuda · 1 GPU (NVIDIA A10G) · backend cuda · 8 CPU threads".</summary>
    public override string ToString()
    {
        var gpus = CudaDeviceCount == 0
            ? "no GPU visible to TorchSharp"
            : $"{CudaDeviceCount} GPU(s)" + (GpuNames.Count > 0 ? $" ({string.Join(", ", GpuNames)})" : "");
        var line = $"{Device} · {gpus} · backend {Backend} · {Threads} CPU threads";
        return Problem is null ? line : $"{line} · {Problem}";
    }
}
