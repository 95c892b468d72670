namespace GanNotebooks.Hardware;

/// <summary>
/// The names of the NVIDIA GPUs the driver reports, read from <c>/proc/driver/nvidia/gpus/*/information</c> (the
/// "Model:" line), which needs neither TorchSharp nor nvidia-smi. Introduced in notebook 00-setup.
/// </summary>
public static class GpuNames
{
    /// <summary>The folder the NVIDIA driver lists its GPUs in.</summary>
    public const string DriverFolder = "/proc/driver/nvidia/gpus";

    /// <summary>The GPU names under <paramref name="driverFolder"/> (default: the driver's folder), in bus order; empty when there is none.</summary>
    public static IReadOnlyList<string> Read(string? driverFolder = null)
    {
        var folder = driverFolder ?? DriverFolder;
        if (!Directory.Exists(folder))
            return [];
        var names = new List<string>();
        foreach (var gpu in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var info = Path.Combine(gpu, "information");
            if (!File.Exists(info))
                continue;
            var model = File.ReadLines(info).FirstOrDefault(l => l.StartsWith("Model:", StringComparison.Ordinal));
            if (model is not null)
                names.Add(model["Model:".Length..].Trim());
        }
        return names;
    }
}
