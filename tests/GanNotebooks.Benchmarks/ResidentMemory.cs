namespace GanNotebooks.Benchmarks;

/// <summary>This process's resident memory from /proc/self/status: now (VmRSS) and its peak (VmHWM), in MiB.</summary>
public static class ResidentMemory
{
    /// <summary>Resident memory now, MiB.</summary>
    public static double CurrentMiB() => Read("VmRSS:");

    /// <summary>The highest resident memory so far, MiB.</summary>
    public static double PeakMiB() => Read("VmHWM:");

    private static double Read(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key))
            ?? throw new PlatformNotSupportedException($"/proc/self/status has no {key} line (Linux only).");
        return long.Parse(line[key.Length..].Trim().Split(' ')[0]) / 1024.0;
    }
}
