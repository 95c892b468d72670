using System.Diagnostics;
using static TorchSharp.torch;

namespace GanNotebooks.Hardware;

/// <summary>
/// Picks the fastest correct matrix-product kernels for the processor this process runs on, once per process. The
/// MKL inside libtorch takes a generic code path on processors that are not Intel's, even on those with AVX-512
/// (AMD's Zen 4 and later), where its AVX-512 kernels are about twice as fast (measured: tests/GanNotebooks.Benchmarks/
/// RESULTS.md). On such a processor the kit switches MKL to its AVX-512 kernels (AVX2 where there is no AVX-512;
/// <see cref="MklCodePath"/>) before the first matrix product, since MKL decides then and keeps to it, checks a product
/// against one summed in double precision, and measures the rate it reports. <c>GAN_CPU_KERNELS</c> forces a choice:
/// <c>library</c> (MKL's own), <c>avx2</c> or <c>avx512</c> (an error where the processor lacks it); <c>auto</c> is the
/// default. <c>gan doctor</c> and notebook 00-setup show the choice; the trainers, the evaluation classifier and the
/// notebooks' set-up cell make it before their first product.
/// </summary>
public static class CpuKernels
{
    /// <summary>The environment variable that forces a choice.</summary>
    public const string Variable = "GAN_CPU_KERNELS";

    private static readonly Lazy<CpuKernelChoice> Chosen = new(() => Choose(Environment.GetEnvironmentVariable(Variable), CpuFeatures.Current));

    /// <summary>The choice for this process, made on first use (TorchSharp loads then if it has not).</summary>
    /// <exception cref="InvalidOperationException"><c>GAN_CPU_KERNELS</c> names no choice, or one this processor cannot run.</exception>
    public static CpuKernelChoice Ensure() => Chosen.Value;

    /// <summary>
    /// <see cref="Ensure"/> for the library's own entry points (trainers, the evaluation classifier): a
    /// <c>GAN_CPU_KERNELS</c> value this processor cannot run is reported by <c>gan doctor</c> and notebook 00, not here,
    /// so a training still runs (with MKL's own choice).
    /// </summary>
    public static CpuKernelChoice? EnsureIfPossible()
    {
        try
        {
            return Ensure();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The choice rule, for <paramref name="requested"/> (the variable's value, may be null) on <paramref name="cpu"/>.</summary>
    /// <exception cref="InvalidOperationException">An invalid or impossible request; the message says what to set.</exception>
    public static CpuKernelChoice Choose(string? requested, CpuFeatures cpu)
    {
        var request = string.IsNullOrWhiteSpace(requested) ? "auto" : requested.Trim().ToLowerInvariant();
        if (request is not ("auto" or "library" or "avx2" or "avx512"))
            throw new InvalidOperationException($"{Variable}='{requested}' is not a choice: use auto (the default), library, avx2 or avx512.");
        var library = new CpuKernelChoice("library", "MKL's own choice", "");
        if (request == "library") return library with { Reason = $"{Variable}=library" };
        if (request == "avx512" && !cpu.HasAvx512 || request == "avx2" && !cpu.HasAvx2)
            throw new InvalidOperationException($"{Variable}={request}: this processor ({cpu.Summary}) has no {(request == "avx512" ? "AVX-512" : "AVX2")}; "
                + "use auto or library.");
        if (request == "auto" && cpu.IsIntel) return library with { Reason = "MKL picks its fastest kernels itself on Intel processors" };
        var candidate = request != "auto" ? request : cpu.HasAvx512 ? "avx512" : cpu.HasAvx2 ? "avx2" : null;
        if (candidate is null) return library with { Reason = "this processor has neither AVX2 nor AVX-512" };
        return Measure(candidate, forced: request != "auto", library);
    }

    private static CpuKernelChoice Measure(string candidate, bool forced, CpuKernelChoice library)
    {
        var description = candidate == "avx512" ? "MKL's AVX-512 kernels" : "MKL's AVX2 kernels";
        // MKL decides at its first product and keeps to it, so the switch comes first and the check after it. Loading
        // TorchSharp's natives (which asking for the thread count does) multiplies nothing.
        _ = get_num_threads();
        if (MklCodePath.Force(candidate == "avx512" ? MklCodePath.Avx512 : MklCodePath.Avx2) is { } problem)
        {
            if (forced) throw new InvalidOperationException($"{Variable}={candidate}: {problem}.");
            return library with { Reason = $"MKL's kernels could not be switched: {problem}" };
        }
        using var scope = NewDisposeScope();
        if (ProductError() is { } error)
        {
            MklCodePath.Restore();
            throw new InvalidOperationException($"{description} computed a wrong matrix product ({error}); set {Variable}=library and report this processor: {CpuFeatures.Current.Summary}.");
        }
        var generator = new Generator(20_260_424);   // the global generator stays untouched
        var rate = Rate(rand(new long[] { 1024, 1024 }, generator: generator), rand(new long[] { 1024, 1024 }, generator: generator));
        var why = forced ? $"{Variable}={candidate}" : $"this processor has {(candidate == "avx512" ? "AVX-512" : "AVX2")}, which MKL leaves unused on processors not Intel's";
        return new CpuKernelChoice(candidate, description, $"{why}; products checked, {rate:F0} GFLOP/s", null, rate);
    }

    /// <summary>Null when a 96×200 by 200×80 product agrees with the same product summed in double precision; otherwise the largest error.</summary>
    private static string? ProductError()
    {
        const int m = 96, k = 200, n = 80;
        var random = new Random(20_260_424);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var product = mm(tensor(a).reshape(m, k), tensor(b).reshape(k, n)).data<float>().ToArray();
        double worst = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int l = 0; l < k; l++) sum += (double)a[i * k + l] * b[l * n + j];
                worst = Math.Max(worst, Math.Abs(sum - product[i * n + j]));
            }
        return worst < 1e-4 ? null : $"an error of {worst:G3} where float32 rounding allows 1e-4";
    }

    // The best of five 1024² products after one untimed (GFLOP/s).
    private static double Rate(Tensor a, Tensor b)
    {
        mm(a, b).Dispose();
        double best = 0;
        for (int i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            mm(a, b).Dispose();
            best = Math.Max(best, 2.0 * a.shape[0] * a.shape[1] * b.shape[1] / clock.Elapsed.TotalSeconds / 1e9);
        }
        return best;
    }
}
