using GanNotebooks.Grading;

namespace GanNotebooks.Cli.Grading;

/// <summary>One task of one submission: the checks that reported, the points earned and what kept the rest from running.</summary>
/// <param name="Task">The task, e.g. <c>02-losses</c>.</param>
/// <param name="MaximumPoints">What the task is worth (from the hidden test cells' headers).</param>
/// <param name="Checks">The checks that reported, in order.</param>
/// <param name="Problems">Why checks are missing: a hidden test cell that failed to compile or did not finish. Empty when all ran.</param>
public sealed record TaskGrade(string Task, double MaximumPoints, IReadOnlyList<CheckResult> Checks, IReadOnlyList<string> Problems)
{
    /// <summary>The points earned: those of passed checks, at most <see cref="MaximumPoints"/>.</summary>
    public double Earned => Math.Min(MaximumPoints, Checks.Sum(c => c.Earned));
}
