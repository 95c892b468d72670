using System.CommandLine;

namespace GanNotebooks.Cli.Commands;

/// <summary>
/// <c>gan benchmark …</c>: longer benchmark runs than a notebook's, for a GPU. Its one benchmark so far is
/// <c>stacked-mnist</c> (<see cref="StackedMnistCommand"/>). Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public static class BenchmarkCommand
{
    /// <summary>Builds the command with its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("benchmark", "Train and measure benchmark runs (longer than a notebook's; meant for a GPU).");
        command.Subcommands.Add(StackedMnistCommand.Create());
        return command;
    }
}
