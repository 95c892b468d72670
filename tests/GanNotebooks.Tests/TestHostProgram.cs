using GanNotebooks.Tests.Checkpoints;
using GanNotebooks.Tests.Data.Fetching;

namespace GanNotebooks.Tests;

/// <summary>
/// The entry point of this assembly run as a program (<c>dotnet GanNotebooks.Tests.dll &lt;command&gt; …</c>), for
/// tests that need a second real process: <c>checkpoint-writer</c>, <c>fetch</c> and <c>kernel-choice</c>.
/// </summary>
public static class TestHostProgram
{
    public static int Main(string[] args) => args.FirstOrDefault() switch
    {
        CheckpointWriterProgram.Command => CheckpointWriterProgram.Run(args),
        FetchProcessProgram.Command => FetchProcessProgram.Run(args),
        Hardware.KernelChoiceProgram.Command => Hardware.KernelChoiceProgram.Run(args),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine($"usage: dotnet GanNotebooks.Tests.dll {CheckpointWriterProgram.Command}|{FetchProcessProgram.Command}|{Hardware.KernelChoiceProgram.Command} ...");
        return 2;
    }
}
