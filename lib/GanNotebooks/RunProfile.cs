namespace GanNotebooks;

/// <summary>
/// The run profile that notebooks' parameter cells read: <c>full</c> (the default, what a learner runs) or
/// <c>quick</c> (set <c>GAN_PROFILE=quick</c>; used by CI to execute every notebook end to end in little time).
/// The quick profile only shrinks step and sample counts; it never changes a model or a setting that is taught.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class RunProfile
{
    /// <summary>The environment variable that selects the profile.</summary>
    public const string Variable = "GAN_PROFILE";

    /// <summary>True when <c>GAN_PROFILE=quick</c>.</summary>
    public static bool IsQuick => string.Equals(Environment.GetEnvironmentVariable(Variable)?.Trim(), "quick", StringComparison.OrdinalIgnoreCase);

    /// <summary>The profile's name: "quick" or "full".</summary>
    public static string Name => IsQuick ? "quick" : "full";

    /// <summary><paramref name="full"/> normally, <paramref name="quick"/> under the quick profile.</summary>
    public static T Choose<T>(T full, T quick) => IsQuick ? quick : full;
}
