using System.CommandLine;
using GanNotebooks.Cli.Commands;

var root = new RootCommand("GanNotebooks: fetch data, run the notebooks headlessly, evaluate samples, check the set-up.")
{
    DataCommand.Create(),
    RunNotebooksCommand.Create(),
    JupyterCommand.Create(),
    DoctorCommand.Create(),
    EvaluateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
