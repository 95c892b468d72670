using System.CommandLine;

namespace GanNotebooks.Cli.Commands;

/// <summary><c>gan data …</c>: fetch and verify data sets. Introduced in notebook 02-vanilla-gan.</summary>
public static class DataCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("data", "Fetch and verify the data sets.");
        return command;
    }
}
