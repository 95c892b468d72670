using System.Reflection;
using TorchSharp;

namespace GanNotebooks.Hardware;

/// <summary>
/// Chooses where tensors live: the first CUDA GPU when TorchSharp sees one, else the CPU. The environment variable
/// <c>GAN_DEVICE</c> (<c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>) overrides the choice; asking for a GPU that is not
/// there is an error that says why. Introduced in notebook 00-setup.
/// </summary>
public static class ComputeDevice
{
    /// <summary>The environment variable that overrides the device choice.</summary>
    public const string Variable = "GAN_DEVICE";

    /// <summary>The environment variable that selects the native backend at build time (see README "GPU").</summary>
    public const string BackendVariable = "GAN_TORCH_BACKEND";

    /// <summary>The device to train on: <c>GAN_DEVICE</c> when set, else <c>cuda</c> when available, else <c>cpu</c>.</summary>
    /// <exception cref="InvalidOperationException"><c>GAN_DEVICE</c> is not a device name, or names a GPU that is not available.</exception>
    public static torch.Device Best() => torch.device(Choose(Environment.GetEnvironmentVariable(Variable), CudaDeviceCount()));

    /// <summary>
    /// The selection rule on its own: <paramref name="requested"/> (the value of <c>GAN_DEVICE</c>, may be null) wins
    /// when it is valid; otherwise <c>cuda</c> when <paramref name="cudaDeviceCount"/> is above zero, else <c>cpu</c>.
    /// Returns a device string such as <c>cpu</c>, <c>cuda</c> or <c>cuda:1</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request is malformed or names a GPU that is not there.</exception>
    public static string Choose(string? requested, int cudaDeviceCount)
    {
        var text = requested?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text))
            return cudaDeviceCount > 0 ? "cuda" : "cpu";
        if (text == "cpu")
            return "cpu";
        if (text != "cuda" && !text.StartsWith("cuda:", StringComparison.Ordinal))
            throw new InvalidOperationException($"{Variable}='{requested}' is not a device: use cpu, cuda or cuda:N (e.g. cuda:1), or unset it to choose automatically.");
        var index = 0;
        if (text.Length > 4 && (!int.TryParse(text.AsSpan(5), out index) || index < 0))
            throw new InvalidOperationException($"{Variable}='{requested}': the GPU number after 'cuda:' must be 0 or more (e.g. cuda:1).");
        if (cudaDeviceCount == 0)
            throw new InvalidOperationException(
                $"{Variable}='{requested}' asks for a GPU, but TorchSharp sees none. Build with the CUDA backend ({BackendVariable}=cuda ./gan build) " +
                $"on a machine with an NVIDIA driver (nvidia-smi must work), or set {Variable}=cpu. Run ./gan doctor for details.");
        if (index >= cudaDeviceCount)
            throw new InvalidOperationException($"{Variable}='{requested}' asks for GPU {index}, but only {cudaDeviceCount} GPU(s) are visible (cuda:0 to cuda:{cudaDeviceCount - 1}).");
        return text;
    }

    /// <summary>How many CUDA GPUs TorchSharp sees (0 with the CPU backend or without a driver).</summary>
    public static int CudaDeviceCount() => torch.cuda.is_available() ? torch.cuda.device_count() : 0;

    /// <summary>The native backend this library was built with: "cpu" or "cuda" (see <c>GAN_TORCH_BACKEND</c>).</summary>
    public static string BuiltBackend => typeof(ComputeDevice).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "GanNotebooks.TorchBackend")?.Value ?? "cpu";

    /// <summary>What the notebook computes on: the chosen device, the GPUs' names and count, and the CPU threads.</summary>
    public static DeviceReport Describe() => Describe(Environment.GetEnvironmentVariable(Variable), CudaDeviceCount(), GpuNames.Read());

    /// <summary>The description for given facts (used by <see cref="Describe()"/> and the tests).</summary>
    public static DeviceReport Describe(string? requested, int cudaDeviceCount, IReadOnlyList<string> gpuNames)
    {
        string device;
        string? problem = null;
        try
        {
            device = Choose(requested, cudaDeviceCount);
        }
        catch (InvalidOperationException e)
        {
            device = "cpu";
            problem = e.Message;
        }
        return new DeviceReport(device, BuiltBackend, cudaDeviceCount, gpuNames, torch.get_num_threads(), problem);
    }
}
