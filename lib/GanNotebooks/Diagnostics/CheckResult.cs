namespace GanNotebooks.Diagnostics;

/// <summary>What one doctor check found. Introduced in notebook 00-setup.</summary>
/// <param name="Check">The check's name, e.g. ".NET SDK".</param>
/// <param name="Status">Pass, warn or fail.</param>
/// <param name="Finding">What was found, in a sentence.</param>
/// <param name="Fix">What to do about it; empty when there is nothing to do.</param>
public sealed record CheckResult(string Check, CheckStatus Status, string Finding, string Fix = "")
{
    /// <summary>A passing result.</summary>
    public static CheckResult Pass(string check, string finding) => new(check, CheckStatus.Pass, finding);

    /// <summary>A warning with its fix.</summary>
    public static CheckResult Warn(string check, string finding, string fix) => new(check, CheckStatus.Warn, finding, fix);

    /// <summary>A failure with its fix.</summary>
    public static CheckResult Fail(string check, string finding, string fix) => new(check, CheckStatus.Fail, finding, fix);
}
