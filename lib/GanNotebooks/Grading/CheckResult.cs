using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanNotebooks.Grading;

/// <summary>The result of one graded check, as a marker line carries it (see <see cref="GradedChecks"/>).</summary>
/// <param name="Task">The task, e.g. <c>02-losses</c>.</param>
/// <param name="Check">What was checked.</param>
/// <param name="Points">What the check is worth.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Message">"passed", or why not.</param>
public sealed record CheckResult(string Task, string Check, double Points, bool Passed, string Message)
{
    /// <summary>Camel-case property names, as in the marker lines.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The points earned: <see cref="Points"/> when passed, else 0.</summary>
    [JsonIgnore]
    public double Earned => Passed ? Points : 0;
}
