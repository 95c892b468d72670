using System.CommandLine;
using GanNotebooks.Cli;
using GanNotebooks.Cli.Commands;

var root = new RootCommand("GanNotebooks: fetch data, run the notebooks headlessly, evaluate samples, run benchmarks, check the set-up.")
{
    DataCommand.Create(),
    RunNotebooksCommand.Create(),
    JupyterCommand.Create(),
    DoctorCommand.Create(),
    EvaluateCommand.Create(),
    BenchmarkCommand.Create(),
    AssignmentsCommand.Create(),
    GradeCommand.Create(),
};
var parsed = root.Parse(args);
// Ctrl-C and SIGTERM cancel the running command and end the process 2 s later (exit code 130). gan run handles those signals itself
// (it passes them on to the notebook executor, which saves the partial notebook and shuts the kernel down).
var configuration = parsed.CommandResult.Command.Name == "run"
    ? new InvocationConfiguration { ProcessTerminationTimeout = null }
    : new InvocationConfiguration();
// Whatever escapes a command is printed as one line, gan <command>: <message>, with exit code 1.
return await CommandBoundary.InvokeAsync(parsed, configuration, Console.Error);
