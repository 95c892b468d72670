using System.CommandLine;

namespace GanNotebooks.Cli.Commands;

/// <summary><c>gan run …</c>: execute notebooks headlessly through the .NET Interactive kernel.</summary>
public static class RunNotebooksCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("run", "Execute notebooks headlessly; executed copies go to artifacts/executed/.");
        return command;
    }
}
