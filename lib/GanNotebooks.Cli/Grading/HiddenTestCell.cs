using System.Globalization;
using System.Text.RegularExpressions;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// A hidden test cell of an instructor's notebook: a code cell whose first non-blank line is
/// <c>// HIDDEN TESTS &lt;task&gt; (&lt;points&gt; points)</c>. It runs in the instructor's notebook like any cell (the
/// checks print ✓ or ✗), is left out of the student's version, and is appended by <c>gan grade</c> after the
/// submission's own cells. Its checks (<see cref="GanNotebooks.Grading.GradedChecks"/>) should add up to the points
/// of its header.
/// </summary>
/// <param name="Task">The task the cell grades, e.g. <c>02-losses</c>.</param>
/// <param name="Points">The task's points from this cell.</param>
/// <param name="Source">The cell's code.</param>
/// <param name="CellNumber">The cell's 1-based position in the instructor's notebook.</param>
public sealed partial record HiddenTestCell(string Task, double Points, string Source, int CellNumber)
{
    /// <summary>The words that open the header line.</summary>
    public const string HeaderStart = "// HIDDEN TESTS";

    /// <summary>Reads the header of <paramref name="source"/>; null when the cell is not a hidden test cell.</summary>
    /// <exception cref="FormatException">The first line starts like a header but does not name a task and its points.</exception>
    public static HiddenTestCell? TryRead(string source, int cellNumber)
    {
        var first = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        if (!first.StartsWith(HeaderStart, StringComparison.Ordinal)) return null;
        var match = Header().Match(first);
        if (!match.Success)
            throw new FormatException($"cell {cellNumber}: '{first}' should read '{HeaderStart} <task> (<points> points)', e.g. '{HeaderStart} 02-losses (4 points)'.");
        return new HiddenTestCell(match.Groups["task"].Value,
            double.Parse(match.Groups["points"].Value, CultureInfo.InvariantCulture), source, cellNumber);
    }

    [GeneratedRegex(@"^// HIDDEN TESTS (?<task>[A-Za-z0-9][A-Za-z0-9._-]*) \((?<points>[0-9]+(\.[0-9]+)?) points?\)$")]
    private static partial Regex Header();
}
