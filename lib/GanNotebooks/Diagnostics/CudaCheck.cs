using GanNotebooks.Hardware;

namespace GanNotebooks.Diagnostics;

/// <summary>
/// Checks the GPU set-up: whether TorchSharp sees CUDA devices, whether the library was built for the backend that
/// was asked for (<c>GAN_TORCH_BACKEND</c>), whether a requested device (<c>GAN_DEVICE</c>) exists, and whether a
/// GPU sits unused because the library was built for the CPU. Introduced in notebook 00-setup.
/// </summary>
/// <param name="builtBackend">The backend the library was built with ("cpu" or "cuda").</param>
/// <param name="requestedBackend">The value of <c>GAN_TORCH_BACKEND</c>, or null.</param>
/// <param name="requestedDevice">The value of <c>GAN_DEVICE</c>, or null.</param>
/// <param name="cudaDeviceCount">How many GPUs TorchSharp sees.</param>
/// <param name="gpuNames">The GPUs the NVIDIA driver reports.</param>
public sealed class CudaCheck(string builtBackend, string? requestedBackend, string? requestedDevice, Func<int> cudaDeviceCount, Func<IReadOnlyList<string>> gpuNames) : IDoctorCheck
{
    /// <inheritdoc />
    public string Name => "CUDA";

    /// <summary>The check for this process and machine.</summary>
    public CudaCheck() : this(ComputeDevice.BuiltBackend, Environment.GetEnvironmentVariable(ComputeDevice.BackendVariable),
        Environment.GetEnvironmentVariable(ComputeDevice.Variable), ComputeDevice.CudaDeviceCount, () => GpuNames.Read()) { }

    /// <inheritdoc />
    public CheckResult Run()
    {
        var names = gpuNames();
        var count = cudaDeviceCount();
        var wantsCuda = string.Equals(requestedBackend?.Trim(), "cuda", StringComparison.OrdinalIgnoreCase);
        var rebuild = $"{ComputeDevice.BackendVariable}=cuda ./gan build";
        if (wantsCuda && builtBackend != "cuda")
            return CheckResult.Fail(Name, $"{ComputeDevice.BackendVariable}=cuda, but the loaded library was built with the {builtBackend} backend.",
                $"Rebuild with the variable set: {rebuild} (then restart the notebook kernel).");
        string device;
        try
        {
            device = ComputeDevice.Choose(requestedDevice, count);
        }
        catch (InvalidOperationException e)
        {
            return CheckResult.Fail(Name, e.Message, $"Unset {ComputeDevice.Variable}, or set it to cpu, or fix the GPU set-up as the message says.");
        }
        var gpuText = names.Count > 0 ? string.Join(", ", names) : "name not reported by the driver";
        if (count > 0)
            return CheckResult.Pass(Name, $"{count} GPU(s) visible to TorchSharp ({gpuText}); training runs on {device}.");
        if (builtBackend == "cuda")
            return names.Count == 0
                ? CheckResult.Fail(Name, "Built for CUDA, but no NVIDIA GPU or driver is visible.",
                    "Check nvidia-smi on the host; in Docker start the container with --gpus all (the devcontainer does). Without a GPU, build for the CPU: GAN_TORCH_BACKEND=cpu ./gan build.")
                : CheckResult.Fail(Name, $"The driver reports {gpuText}, but CUDA did not initialise in TorchSharp.",
                    "The NVIDIA driver is probably too old for CUDA 12 (nvidia-smi shows its version; 525 or newer is needed, 570 or newer recommended for CUDA 12.8): update the driver.");
        if (names.Count > 0)
            return CheckResult.Warn(Name, $"A GPU is present ({gpuText}), but the library is built for the CPU, so it stays unused.",
                $"Build for CUDA: {rebuild} (see README \"GPU\").");
        return CheckResult.Pass(Name, "No GPU: training runs on the CPU (every notebook is sized for 2 CPU cores).");
    }
}
