using System.Text.Json;

namespace GanNotebooks.Grading;

/// <summary>
/// Runs the checks of a notebook's hidden test cells and reports each one. Run by hand (the instructor's notebook),
/// a check prints a readable line: <c>✓ 02-losses · real term (1 of 1 point)</c> or <c>✗ … : why</c>. Under
/// <c>gan grade</c>, which first calls <see cref="BeginGrading"/> with a random token of that run, every check also
/// prints one marker line, <see cref="MarkerPrefix"/> + token + a JSON object (task, check, points, passed, message),
/// which the grader reads back from the hidden cells' outputs; a line without the run's token counts for nothing.
/// A check that throws, returns a NaN or never finishes does not pass; it never stops the checks after it (after one that
/// never finishes, the same task's later checks fail at once, as they would only wait for the same loop).
/// </summary>
public static class GradedChecks
{
    /// <summary>The start of a marker line.</summary>
    public const string MarkerPrefix = "@gan-check ";

    private static readonly HashSet<string> TasksWithEndlessCheck = [];
    private static string? token;

    /// <summary>Makes the following checks print marker lines with <paramref name="runToken"/> (called by the grader only).</summary>
    public static void BeginGrading(string runToken)
    {
        if (string.IsNullOrWhiteSpace(runToken) || runToken.Any(char.IsWhiteSpace))
            throw new ArgumentException("The run token must be one word.", nameof(runToken));
        token = runToken;
    }

    /// <summary>
    /// Runs <paramref name="check"/> and reports whether it passed: it passes when it returns without an exception.
    /// Failed assertions (<see cref="CheckFailedException"/>) report their message; any other exception its type and message.
    /// </summary>
    /// <param name="task">The task the check belongs to, e.g. <c>02-losses</c>.</param>
    /// <param name="name">What the check tests, e.g. <c>real term on fixed logits</c>.</param>
    /// <param name="points">What the check is worth.</param>
    /// <param name="check">The check; throws to fail.</param>
    /// <param name="timeLimitSeconds">How long the check may run (default 60 s); one that runs longer fails and is left behind.</param>
    /// <returns>Whether it passed.</returns>
    public static bool Check(string task, string name, double points, Action check, double timeLimitSeconds = 60)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!(points >= 0) || double.IsInfinity(points))
            throw new ArgumentOutOfRangeException(nameof(points), points, "a check is worth 0 or more points");
        if (!(timeLimitSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(timeLimitSeconds), timeLimitSeconds, "the time limit must be positive");
        if (TasksWithEndlessCheck.Contains(task))
        {
            Report(new CheckResult(task, name, points, false, "not run: an earlier check of this task did not finish"));
            return false;
        }
        // On a thread of its own, so that an endless loop in the code under test costs this check only.
        Exception? error = null;
        var run = new Thread(() =>
        {
            try { check(); }
            catch (Exception e) { error = e; }
        }) { IsBackground = true, Name = $"check {task} · {name}" };
        run.Start();
        string message;
        bool passed;
        if (!run.Join(TimeSpan.FromSeconds(timeLimitSeconds)))
        {
            (passed, message) = (false, $"did not finish within {timeLimitSeconds:0.#} s (an endless loop?)");
            TasksWithEndlessCheck.Add(task);   // the loop still runs: the task's other checks would only wait for it
        }
        else if (error is null)
            (passed, message) = (true, "passed");
        else if (error is CheckFailedException failed)
            (passed, message) = (false, failed.Message);
        else
        {
            var inner = error is System.Reflection.TargetInvocationException { InnerException: { } cause } ? cause : error;
            (passed, message) = (false, $"{inner.GetType().Name}: {inner.Message}");
        }
        Report(new CheckResult(task, name, points, passed, message));
        return passed;
    }

    private static void Report(CheckResult result)
    {
        var mark = result.Passed ? "✓" : "✗";
        var worth = $"{(result.Passed ? result.Points : 0):0.##} of {result.Points:0.##} point{(result.Points == 1 ? "" : "s")}";
        Console.WriteLine($"{mark} {result.Task} · {result.Check} ({worth})" + (result.Passed ? "" : $": {result.Message}"));
        if (token is { } runToken)
            Console.WriteLine(MarkerPrefix + runToken + " " + JsonSerializer.Serialize(result, CheckResult.JsonOptions));
    }
}
