using System.Net;
using System.Text;

namespace GanNotebooks.Diagnostics;

/// <summary>The doctor's verdicts, in check order, with a plain-text table. Introduced in notebook 00-setup.</summary>
/// <param name="Results">One result per check.</param>
public sealed record DoctorReport(IReadOnlyList<CheckResult> Results)
{
    /// <summary>True when any check failed (<c>gan doctor</c> then exits with code 1).</summary>
    public bool HasFailures => Results.Any(r => r.Status == CheckStatus.Fail);

    /// <summary>"N passed, N warnings, N failed".</summary>
    public string Summary =>
        $"{Count(CheckStatus.Pass)} passed, {Count(CheckStatus.Warn)} warnings, {Count(CheckStatus.Fail)} failed";

    /// <summary>
    /// A table for a terminal: status, check and finding on one line, the fix indented on the next; long text wraps
    /// at <paramref name="width"/> characters.
    /// </summary>
    public string ToTable(int width = 110)
    {
        var nameWidth = Math.Max(5, Results.Select(r => r.Check.Length).DefaultIfEmpty(0).Max());
        var indent = new string(' ', 7 + nameWidth + 2);
        var text = new StringBuilder();
        text.AppendLine($"{"status",-6} {"check".PadRight(nameWidth)}  finding / fix");
        foreach (var result in Results)
        {
            var label = result.Status switch { CheckStatus.Pass => "ok", CheckStatus.Warn => "WARN", _ => "FAIL" };
            AppendWrapped(text, $"{label,-6} {result.Check.PadRight(nameWidth)}  ", indent, result.Finding, width);
            if (result.Fix.Length > 0)
                AppendWrapped(text, indent + "fix: ", indent + "     ", result.Fix, width);
        }
        text.AppendLine(Summary);
        return text.ToString();
    }

    /// <summary>An HTML table for a notebook: one row per check, the status coloured (green, amber, red).</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table><thead><tr><th>status</th><th>check</th><th>finding</th><th>fix</th></tr></thead><tbody>");
        foreach (var result in Results)
        {
            var colour = result.Status switch { CheckStatus.Pass => "#2e7d32", CheckStatus.Warn => "#b26a00", _ => "#c62828" };
            html.Append($"<tr><td style=\"color:{colour};font-weight:bold\">{result.Status.ToString().ToLowerInvariant()}</td>")
                .Append($"<td>{WebUtility.HtmlEncode(result.Check)}</td><td style=\"text-align:left\">{WebUtility.HtmlEncode(result.Finding)}</td>")
                .Append($"<td style=\"text-align:left\">{WebUtility.HtmlEncode(result.Fix)}</td></tr>");
        }
        return html.Append($"</tbody></table><p>{WebUtility.HtmlEncode(Summary)}</p>").ToString();
    }

    private int Count(CheckStatus status) => Results.Count(r => r.Status == status);

    private static void AppendWrapped(StringBuilder text, string first, string rest, string body, int width)
    {
        var line = new StringBuilder(first);
        var empty = true;
        foreach (var word in body.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                text.AppendLine(line.ToString());
                line.Clear().Append(rest);
                empty = true;
            }
            line.Append(empty ? word : " " + word);
            empty = false;
        }
        text.AppendLine(line.ToString());
    }
}
