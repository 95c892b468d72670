using System.Globalization;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Durations as <c>gan run --cell-timeout</c> takes and reports them: a plain number means minutes; a suffix
/// <c>s</c>, <c>m</c>/<c>min</c> or <c>h</c> sets the unit (<c>90s</c>, <c>45m</c>, <c>2h</c>). Part of the headless
/// runner; no notebook uses it.
/// </summary>
public static class DurationText
{
    /// <summary>Reads <paramref name="text"/>; null with <paramref name="error"/> set when it is not a positive duration.</summary>
    public static TimeSpan? Parse(string text, out string? error)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var (number, unit) = trimmed switch
        {
            _ when trimmed.EndsWith("min", StringComparison.Ordinal) => (trimmed[..^3], TimeSpan.FromMinutes(1)),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], TimeSpan.FromSeconds(1)),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], TimeSpan.FromMinutes(1)),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], TimeSpan.FromHours(1)),
            _ => (trimmed, TimeSpan.FromMinutes(1)),
        };
        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var count)
            || !double.IsFinite(count) || count * unit.TotalSeconds < 1 || count * unit.TotalDays > 7)
        {
            error = $"'{text}' is not a duration between 1 s and 7 days: give minutes (30), or seconds, minutes or hours with a unit (90s, 45m, 2h).";
            return null;
        }
        error = null;
        return TimeSpan.FromSeconds(Math.Round(count * unit.TotalSeconds));
    }

    /// <summary>"45 s", "30 min" or "2 h" (with decimals where needed).</summary>
    public static string Describe(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 120 => $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
        < 7200 => $"{duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min",
        _ => $"{duration.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
    };
}
