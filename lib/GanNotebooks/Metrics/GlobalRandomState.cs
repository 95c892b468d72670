using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>Runs code under its own seed and puts TorchSharp's global random state back afterwards.</summary>
internal static class GlobalRandomState
{
    /// <summary>
    /// Seeds the global generator with <paramref name="seed"/>, runs <paramref name="action"/> and restores the
    /// previous state, so that building or training the classifier does not disturb a notebook's own seeded stream.
    /// </summary>
    public static T Isolated<T>(long seed, Func<T> action)
    {
        using var saved = random.get_rng_state();
        try
        {
            random.manual_seed(seed);
            return action();
        }
        finally
        {
            random.set_rng_state(saved);
        }
    }
}
