using System.Runtime.InteropServices;

namespace GanNotebooks.Benchmarks;

/// <summary>The machine a benchmark ran on, for the results table.</summary>
public static class MachineInfo
{
    /// <summary>One line per fact: processor, cores, memory, OS, .NET, TorchSharp threads.</summary>
    public static IReadOnlyList<string> Describe()
    {
        var cpuInfo = File.ReadAllLines("/proc/cpuinfo");
        string? Field(string name) => cpuInfo.FirstOrDefault(l => l.StartsWith(name))?.Split(':', 2)[1].Trim();
        string cpu = Field("model name") ?? "unknown";
        string flags = Field("flags") ?? "";
        string vector = flags.Contains("avx512f") ? "AVX-512" : flags.Contains("avx2") ? "AVX2" : flags.Contains("avx") ? "AVX" : "SSE";
        // Family and model tell processor generations apart where the model name does not ("AMD EPYC"): convolution speed differs between them.
        string generation = $"family {Field("cpu family") ?? "?"}, model {Field("model\t") ?? "?"}";
        string memory = File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim();
        string os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME="))?.Split('=', 2)[1].Trim('"') ?? "Linux" : "Linux";
        return
        [
            $"processor: {cpu} ({generation}; {vector}), {Environment.ProcessorCount} cores visible",
            $"memory: {memory}",
            $"system: {os}, {RuntimeInformation.FrameworkDescription}",
            $"TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}, libtorch intra-op threads {TorchSharp.torch.get_num_threads()}",
        ];
    }
}
