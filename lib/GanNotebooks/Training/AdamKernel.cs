using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanNotebooks.Training;

/// <summary>
/// One Adam update of one CPU float32 parameter in three passes over its memory, with the same float operations
/// in the same order as TorchSharp's Adam (which runs six libtorch kernels and allocates two temporaries):
/// m ← fma(g, 1−β1, m·β1); v ← fma((1−β2)·g, g, v·β2); d ← √v / √(1−β2ᵗ) + ε; p ← p + (−lr/(1−β1ᵗ))·m / d, every
/// coefficient rounded to float as libtorch rounds its scalars, the square root libtorch's own
/// (<see cref="LibTorchSqrt"/>). <see cref="FusedAdam"/> checks once per process that this reproduces TorchSharp's
/// Adam bit for bit before it uses it. Introduced in notebook 02-vanilla-gan.
/// </summary>
internal static class AdamKernel
{
    /// <summary>libtorch's grain size for its vector-math kernels: shorter tensors are not split across threads.</summary>
    private const long Grain = 2_048;

    /// <summary>Whether the kernel can run here: the processor has AVX2 and FMA, and libtorch exports its square root.</summary>
    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported && LibTorchSqrt.IsAvailable;

    /// <summary>
    /// Updates <paramref name="count"/> elements of the parameter and its two moment buffers in place;
    /// <paramref name="roots"/> is scratch space of the same length. The work is split into the ranges libtorch's
    /// <c>parallel_for</c> gives <paramref name="threads"/> threads, and each range takes one call of the square root,
    /// as in libtorch: the routine computes the last few elements of a call apart, and their last bit can differ from
    /// what the same values get inside a longer call. (One call per range is also the fastest way to call it: it
    /// costs about a microsecond per call.)
    /// </summary>
    public static unsafe void Update(float* parameter, float* gradient, float* average, float* squares, float* roots, long count, AdamCoefficients c, int threads)
    {
        long parts = count < Grain || threads <= 1 ? 1 : Math.Min(threads, (count + Grain - 1) / Grain);
        long chunk = (count + parts - 1) / parts;
        if (parts == 1)
        {
            UpdateRange(parameter, gradient, average, squares, roots, 0, count, c);
            return;
        }
        Parallel.For(0, (int)parts, new ParallelOptions { MaxDegreeOfParallelism = (int)parts }, part =>
        {
            long start = part * chunk, end = Math.Min(count, start + chunk);
            if (start < end) UpdateRange(parameter, gradient, average, squares, roots, start, end, c);
        });
    }

    private static unsafe void UpdateRange(float* p, float* g, float* m, float* v, float* roots, long start, long end, AdamCoefficients c)
    {
        int length = checked((int)(end - start));
        Moments(g + start, m + start, v + start, length, c);
        LibTorchSqrt.Compute(new ReadOnlySpan<float>(v + start, length), new Span<float>(roots + start, length));
        Step(p + start, m + start, roots + start, length, c);
    }

    private static unsafe void Moments(float* g, float* m, float* v, int length, AdamCoefficients c)
    {
        int i = 0;
        var beta1 = Vector256.Create(c.Beta1);
        var rest1 = Vector256.Create(c.OneMinusBeta1);
        var beta2 = Vector256.Create(c.Beta2);
        var rest2 = Vector256.Create(c.OneMinusBeta2);
        for (; i + 8 <= length; i += 8)
        {
            var grad = Avx.LoadVector256(g + i);
            Avx.Store(m + i, Fma.MultiplyAdd(grad, rest1, Avx.Multiply(Avx.LoadVector256(m + i), beta1)));
            Avx.Store(v + i, Fma.MultiplyAdd(Avx.Multiply(rest2, grad), grad, Avx.Multiply(Avx.LoadVector256(v + i), beta2)));
        }
        for (; i < length; i++)
        {
            float grad = g[i];
            m[i] = MathF.FusedMultiplyAdd(grad, c.OneMinusBeta1, m[i] * c.Beta1);
            v[i] = MathF.FusedMultiplyAdd(c.OneMinusBeta2 * grad, grad, v[i] * c.Beta2);
        }
    }

    private static unsafe void Step(float* p, float* m, float* roots, int length, AdamCoefficients c)
    {
        int i = 0;
        var correction = Vector256.Create(c.RootOfCorrection2);
        var epsilon = Vector256.Create(c.Epsilon);
        var size = Vector256.Create(c.NegativeStepSize);
        for (; i + 8 <= length; i += 8)
        {
            var denominator = Avx.Add(Avx.Divide(Avx.LoadVector256(roots + i), correction), epsilon);
            Avx.Store(p + i, Avx.Add(Avx.LoadVector256(p + i), Avx.Divide(Avx.Multiply(size, Avx.LoadVector256(m + i)), denominator)));
        }
        for (; i < length; i++)
        {
            float denominator = roots[i] / c.RootOfCorrection2 + c.Epsilon;
            p[i] = p[i] + c.NegativeStepSize * m[i] / denominator;
        }
    }
}
