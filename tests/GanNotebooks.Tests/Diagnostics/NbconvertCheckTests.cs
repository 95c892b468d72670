using GanNotebooks.Diagnostics;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class NbconvertCheckTests
{
    [Fact]
    public void Passes_when_the_command_is_on_the_path()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File(NbconvertCheck.Command), "#!/bin/sh\n");
        var result = new NbconvertCheck(() => GanNotebooks.Diagnostics.ProcessProbe.FindOnPath(NbconvertCheck.Command, "/nonexistent:" + temp.Path)).Run();
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains(temp.File(NbconvertCheck.Command), result.Finding);
    }

    [Fact]
    public void Fails_with_the_set_up_command_when_it_is_missing()
    {
        using var temp = new TempFolder();
        var result = new NbconvertCheck(() => GanNotebooks.Diagnostics.ProcessProbe.FindOnPath(NbconvertCheck.Command, temp.Path)).Run();
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("environment/setup.sh", result.Fix);
    }
}
