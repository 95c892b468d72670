using System.Text;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// Solution regions in a code cell: the lines from <c>// BEGIN SOLUTION</c> to <c>// END SOLUTION</c> (each marker on a
/// line of its own, any indentation). The student's version replaces each region, markers included, by one line that
/// compiles wherever a statement may stand and throws a clear "not implemented" error when reached.
/// </summary>
public static class SolutionRegions
{
    /// <summary>The line that opens a region.</summary>
    public const string BeginMarker = "// BEGIN SOLUTION";

    /// <summary>The line that closes a region.</summary>
    public const string EndMarker = "// END SOLUTION";

    /// <summary>The statement that stands in for a solution in the student's version (after the line's indentation).</summary>
    public const string Stub = "throw new NotImplementedException(\"Not implemented yet: replace this line with your solution.\");";

    /// <summary>How many regions <paramref name="source"/> holds.</summary>
    /// <exception cref="FormatException">A region is not closed, or a marker stands alone.</exception>
    public static int Count(string source) => Replace(source, out _);

    /// <summary><paramref name="source"/> with every region replaced by <see cref="Stub"/>, indented like its begin marker.</summary>
    /// <exception cref="FormatException">A region is not closed, or a marker stands alone.</exception>
    public static string ToStudentVersion(string source)
    {
        Replace(source, out var student);
        return student;
    }

    private static int Replace(string source, out string student)
    {
        var result = new StringBuilder();
        var lines = source.Split('\n');
        int regions = 0, openedAt = -1;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            bool last = i == lines.Length - 1;
            if (trimmed == BeginMarker)
            {
                if (openedAt >= 0)
                    throw new FormatException($"line {i + 1}: '{BeginMarker}' inside the region opened on line {openedAt + 1}; close it with '{EndMarker}' first.");
                openedAt = i;
                var indentation = line[..(line.Length - line.TrimStart().Length)];
                result.Append(indentation).Append(Stub);
            }
            else if (trimmed == EndMarker)
            {
                if (openedAt < 0) throw new FormatException($"line {i + 1}: '{EndMarker}' without a '{BeginMarker}' before it.");
                openedAt = -1;
                regions++;
                if (!last) result.Append('\n');
                continue;
            }
            else if (openedAt < 0)
            {
                result.Append(line);
            }
            else
            {
                continue;   // a line of the solution
            }
            if (!last && openedAt < 0) result.Append('\n');
        }
        if (openedAt >= 0)
            throw new FormatException($"line {openedAt + 1}: '{BeginMarker}' is never closed with '{EndMarker}'.");
        student = result.ToString();
        return regions;
    }
}
