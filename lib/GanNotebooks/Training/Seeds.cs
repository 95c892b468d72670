using static TorchSharp.torch;

namespace GanNotebooks.Training;

/// <summary>
/// Seeds TorchSharp's global random generator (weight initialisation, dropout) so that a notebook run can be
/// repeated exactly on the same machine. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class Seeds
{
    /// <summary>Seeds the global generator (and CUDA's, when present) with <paramref name="seed"/>.</summary>
    public static long Set(long seed)
    {
        manual_seed(seed);
        if (cuda.is_available()) cuda.manual_seed_all(seed);
        return seed;
    }
}
