using System.Runtime.InteropServices;

namespace GanNotebooks.Training;

/// <summary>
/// The square root libtorch's CPU build computes <c>torch.sqrt</c> with: the vector-math routine <c>vmsSqrt</c> of
/// the MKL that <c>libtorch_cpu</c> carries and exports, called the way libtorch calls it (high accuracy, denormals kept,
/// errors ignored). Its results are within one unit in the last place and not always correctly rounded, so
/// <see cref="MathF.Sqrt"/> would differ from <c>torch.sqrt</c> in about one element of six; this one gives the
/// same bits. Unavailable (and <see cref="IsAvailable"/> false) where the library has no such export, e.g. builds
/// without MKL. Used by <see cref="FusedAdam"/>; introduced with it in notebook 02-vanilla-gan.
/// </summary>
internal static partial class LibTorchSqrt
{
    // mkl_vml_defines.h: VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE, ATen's mode for its vml calls.
    private const long Mode = 0x2 | 0x140000 | 0x100;

    private static readonly Lazy<bool> Available = new(Probe);

    /// <summary>Whether <c>vmsSqrt</c> could be found in the loaded libtorch.</summary>
    public static bool IsAvailable => Available.Value;

    /// <summary>Writes √<paramref name="values"/>[i] to <paramref name="roots"/>[i] (same length, at most 2³¹ − 1).</summary>
    /// <remarks>One call of the routine. The last few elements of a call are computed apart, and their last bit can differ from what the same values get inside a longer call.</remarks>
    public static void Compute(ReadOnlySpan<float> values, Span<float> roots)
    {
        if (roots.Length != values.Length) throw new ArgumentException("roots and values must have the same length", nameof(roots));
        if (values.IsEmpty) return;
        VmsSqrt(values.Length, in MemoryMarshal.GetReference(values), ref MemoryMarshal.GetReference(roots), Mode);
    }

    private static bool Probe()
    {
        try
        {
            Span<float> root = stackalloc float[1];
            Compute([4f], root);
            return root[0] == 2f;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    [LibraryImport("libtorch_cpu", EntryPoint = "vmsSqrt")]
    private static partial void VmsSqrt(int count, in float values, ref float roots, long mode);
}
