using System.Globalization;

namespace GanNotebooks.Cli.Grading;

/// <summary>Memory sizes as <c>gan grade --memory-limit</c> takes them: a number with <c>k</c>, <c>m</c> or <c>g</c> (binary units), e.g. <c>4g</c>, <c>512m</c>.</summary>
public static class ByteSizeText
{
    /// <summary>Reads <paramref name="text"/>; null with <paramref name="error"/> set when it is not a size from 64 MiB to 1 TiB.</summary>
    public static long? Parse(string text, out string? error)
    {
        var trimmed = text.Trim().ToLowerInvariant().TrimEnd('b', 'i');
        long unit = trimmed switch
        {
            _ when trimmed.EndsWith('k') => 1L << 10,
            _ when trimmed.EndsWith('m') => 1L << 20,
            _ when trimmed.EndsWith('g') => 1L << 30,
            _ => 1,
        };
        var number = unit == 1 ? trimmed : trimmed[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var count) || !double.IsFinite(count)
            || count * unit < 64L << 20 || count * unit > 1L << 40)
        {
            error = $"'{text}' is not a memory size from 64m to 1024g: give a number with a unit, e.g. 4g or 512m.";
            return null;
        }
        error = null;
        return (long)(count * unit);
    }
}
