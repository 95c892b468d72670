namespace GanNotebooks.Hardware;

/// <summary>
/// The processor this process runs on, from <c>/proc/cpuinfo</c>: vendor, family and model (which tell generations
/// apart where the name does not, "AMD EPYC"), and the vector instruction sets the kit's kernel choice depends on
/// (<see cref="CpuKernels"/>). Introduced in notebook 00-setup.
/// </summary>
/// <param name="Vendor">The vendor id, e.g. <c>AuthenticAMD</c> or <c>GenuineIntel</c> ("unknown" off Linux).</param>
/// <param name="Family">The CPU family number.</param>
/// <param name="Model">The model number.</param>
/// <param name="Name">The model name.</param>
/// <param name="Flags">The feature flags the kernel reports.</param>
public sealed record CpuFeatures(string Vendor, int Family, int Model, string Name, IReadOnlySet<string> Flags)
{
    private static readonly Lazy<CpuFeatures> Detected = new(Read);

    /// <summary>This machine's processor.</summary>
    public static CpuFeatures Current => Detected.Value;

    /// <summary>An Intel processor (MKL picks its fastest code path by itself there).</summary>
    public bool IsIntel => Vendor == "GenuineIntel";

    /// <summary>AVX2 with FMA.</summary>
    public bool HasAvx2 => Flags.Contains("avx2") && Flags.Contains("fma");

    /// <summary>The AVX-512 subsets MKL's AVX-512 code path needs (F, CD, BW, DQ, VL).</summary>
    public bool HasAvx512 => new[] { "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl" }.All(Flags.Contains);

    /// <summary>AVX-512 bfloat16 instructions.</summary>
    public bool HasAvx512Bf16 => Flags.Contains("avx512_bf16");

    /// <summary>One line: name, vendor, family/model and the vector instruction sets.</summary>
    public string Summary
    {
        get
        {
            var sets = new List<string>();
            if (HasAvx2) sets.Add("AVX2");
            if (HasAvx512) sets.Add("AVX-512");
            if (HasAvx512Bf16) sets.Add("AVX512-BF16");
            if (Flags.Contains("amx_bf16")) sets.Add("AMX-BF16");
            return $"{Name} ({Vendor}, family {Family} model {Model}; {(sets.Count == 0 ? "no AVX2" : string.Join(", ", sets))})";
        }
    }

    /// <summary>Reads <c>/proc/cpuinfo</c>-formatted text (the first processor's fields).</summary>
    public static CpuFeatures Parse(IEnumerable<string> cpuInfo)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in cpuInfo)
        {
            if (line.Trim().Length == 0 && fields.Count > 0) break;   // the first processor only
            var colon = line.IndexOf(':');
            if (colon > 0) fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        int Number(string key) => int.TryParse(fields.GetValueOrDefault(key), out var n) ? n : -1;
        var flags = fields.GetValueOrDefault("flags", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new CpuFeatures(fields.GetValueOrDefault("vendor_id", "unknown"), Number("cpu family"), Number("model"),
            fields.GetValueOrDefault("model name", "unknown processor"), flags);
    }

    private static CpuFeatures Read()
    {
        try
        {
            return Parse(File.ReadLines("/proc/cpuinfo"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CpuFeatures("unknown", -1, -1, "unknown processor", new HashSet<string>());
        }
    }
}
