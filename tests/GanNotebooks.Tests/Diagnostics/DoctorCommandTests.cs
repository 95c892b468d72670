using GanNotebooks.Cli.Commands;
using GanNotebooks.Diagnostics;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class DoctorCommandTests
{
    private sealed class FixedCheck(CheckResult result) : IDoctorCheck
    {
        public string Name => result.Check;
        public CheckResult Run() => result;
    }

    [Fact]
    public void Exits_with_1_when_a_check_fails_and_0_on_warnings()
    {
        var output = new StringWriter();
        Assert.Equal(1, DoctorCommand.Run([new FixedCheck(CheckResult.Fail("Data sets", "broken", "fetch"))], output));
        Assert.Contains("FAIL   Data sets", output.ToString());
        Assert.StartsWith("Device: ", output.ToString());
        Assert.Equal(0, DoctorCommand.Run([new FixedCheck(CheckResult.Warn("Disk space", "low", "free some"))], new StringWriter()));
    }
}
