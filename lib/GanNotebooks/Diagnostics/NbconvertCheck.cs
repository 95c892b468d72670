namespace GanNotebooks.Diagnostics;

/// <summary>
/// Checks that Jupyter's <c>jupyter-nbconvert</c> is installed: <c>./gan run</c> and <c>./gan test</c> execute the
/// notebooks through it (VS Code does not need it). Introduced in notebook 00-setup.
/// </summary>
/// <param name="find">Finds the command (default: a look-up on <c>PATH</c>); null when it is not there.</param>
public sealed class NbconvertCheck(Func<string?> find) : IDoctorCheck
{
    /// <summary>The command the runner starts.</summary>
    public const string Command = "jupyter-nbconvert";

    /// <inheritdoc />
    public string Name => "Jupyter nbconvert";

    /// <summary>The check against this machine's <c>PATH</c>.</summary>
    public NbconvertCheck() : this(() => ProcessProbe.FindOnPath(Command)) { }

    /// <inheritdoc />
    public CheckResult Run() => find() is { } path
        ? CheckResult.Pass(Name, $"{path} (headless runs: ./gan run, ./gan test).")
        : CheckResult.Fail(Name, $"{Command} is not on PATH, so ./gan run and ./gan test cannot execute notebooks (VS Code still can).",
            "Run  environment/setup.sh  (it asks sudo when not root; Debian/Ubuntu packages jupyter-nbconvert and python3-nbclient).");
}
