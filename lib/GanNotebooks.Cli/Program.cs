using System.CommandLine;
using GanNotebooks.Cli.Commands;

var root = new RootCommand("GanNotebooks: fetch data and run the notebooks headlessly.")
{
    DataCommand.Create(),
    RunNotebooksCommand.Create(),
    JupyterCommand.Create(),
    EvaluateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
