using GanNotebooks.Diagnostics;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class DoctorTests
{
    private sealed class FixedCheck(string name, Func<CheckResult> run) : IDoctorCheck
    {
        public string Name => name;
        public CheckResult Run() => run();
    }

    [Fact]
    public void Collects_every_verdict_in_order_and_a_throwing_check_fails()
    {
        var report = Doctor.Run(
        [
            new FixedCheck("one", () => CheckResult.Pass("one", "fine")),
            new FixedCheck("two", () => CheckResult.Warn("two", "meh", "do this")),
            new FixedCheck("three", () => throw new IOException("disk gone")),
        ]);
        Assert.Equal(["one", "two", "three"], report.Results.Select(r => r.Check));
        Assert.Equal(CheckStatus.Fail, report.Results[2].Status);
        Assert.Contains("IOException: disk gone", report.Results[2].Finding);
        Assert.True(report.HasFailures);
        Assert.Equal("1 passed, 1 warnings, 1 failed", report.Summary);
    }

    [Fact]
    public void The_table_shows_status_finding_and_fix_and_wraps_long_text()
    {
        var report = new DoctorReport(
        [
            CheckResult.Pass("SDK", "fine"),
            CheckResult.Fail("Data sets", string.Join(" ", Enumerable.Repeat("word", 40)), "run ./gan data fetch all"),
        ]);
        var lines = report.ToTable(width: 60).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ok     SDK", lines[1]);
        Assert.StartsWith("FAIL   Data sets", lines[2]);
        Assert.All(lines, l => Assert.True(l.Length <= 60, l));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("fix: run ./gan data fetch all"));
        Assert.Equal("1 passed, 0 warnings, 1 failed", lines[^1]);
        Assert.False(new DoctorReport([CheckResult.Warn("x", "y", "z")]).HasFailures);
    }

    [Fact]
    public void The_default_checks_cover_every_concern_once()
    {
        var names = Doctor.DefaultChecks().Select(c => c.Name).ToList();
        Assert.Equal(
            [".NET SDK", "CPU kernels", "TorchSharp natives", "CUDA", "Data sets", "Jupyter nbconvert", "Jupyter kernel", "dotnet-interactive", "Disk space"],
            names);
    }

    [Fact]
    public void The_html_table_encodes_text_and_colours_the_status()
    {
        var html = new DoctorReport([CheckResult.Fail("Data <sets>", "a & b", "run x")]).ToHtml();
        Assert.Contains("Data &lt;sets&gt;", html);
        Assert.Contains("a &amp; b", html);
        Assert.Contains("color:#c62828;font-weight:bold\">fail</td>", html);
        Assert.Contains("0 passed, 0 warnings, 1 failed", html);
    }
}
