using System.CommandLine;
using GanNotebooks.Cli.Runner;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Commands;

/// <summary><c>gan run …</c>: execute notebooks headlessly through the .NET Interactive kernel.</summary>
public static class RunNotebooksCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks") { Description = "Notebook files (default: every notebooks/*.ipynb, in order).", Arity = ArgumentArity.ZeroOrMore };
        var quick = new Option<bool>("--quick") { Description = "Quick profile (GAN_PROFILE=quick): fewer training steps, same code. Also set by GAN_PROFILE=quick." };
        var cellTimeout = DurationOption(NotebookLimits.CellTimeoutOption,
            "How long a single cell may run: minutes (30), or with a unit (90s, 45m, 2h). Default: the notebook's metadata "
            + "gan.cell_timeout, else 30 min. A cell that runs longer ends the run; the cells executed so far are kept in "
            + "<output>/<name>.partial.ipynb.");
        var notebookTimeout = DurationOption(NotebookLimits.NotebookTimeoutOption,
            "How long all cells of one notebook together may run, from the first cell's start (same syntax). Default: the "
            + "notebook's metadata gan.notebook_timeout, else no limit. When it passes, the running cell is stopped, the run "
            + "fails (exit code 1) and the partial notebook is kept.");
        var output = new Option<string?>("--output") { Description = "Folder for the executed copies (default: artifacts/executed)." };
        var check = new Option<bool>("--check") { Description = "Also check each executed notebook: enough pictures, a static image beside every chart, readable samples." };
        var command = new Command("run", "Execute notebooks headlessly; executed copies with their pictures go to artifacts/executed/. "
            + "A run that ends early (a cell over --cell-timeout, a notebook over --notebook-timeout, the kernel dying, Ctrl-C) keeps the cells executed so far, with their "
            + "outputs and the cell that was running marked, in <name>.partial.ipynb beside them; Ctrl-C also shuts the kernel down. "
            + "A notebook may set its own limits in its top-level metadata, "
            + "\"gan\": {\"cell_timeout\": \"20m\", \"notebook_timeout\": \"30m\"}; the options, when given, win. "
            + "An invalid value there stops the run before any notebook runs (exit code 2).")
        {
            notebooks, quick, cellTimeout, notebookTimeout, output, check,
        };
        command.SetAction(async (parse, _) =>
        {
            var root = KitPaths.RepoRoot;
            var chosen = parse.GetValue(notebooks) is { Length: > 0 } given
                ? given.Select(Path.GetFullPath).ToArray()
                : Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToArray();
            var missing = chosen.FirstOrDefault(n => PathCheck.Classify(n) == PathKind.Missing);
            if (missing is not null)
            {
                Console.Error.WriteLine($"No such notebook: {missing}");
                return 2;
            }
            if (chosen.Select(PathCheck.FileProblem).FirstOrDefault(p => p is not null) is { } notebookProblem)
            {
                Console.Error.WriteLine($"{notebookProblem}; give the path of a notebook (.ipynb) file.");
                return 2;
            }
            if (parse.GetValue(output) is { } outputFolder && PathCheck.OutputFolderProblem(outputFolder) is { } outputProblem)
            {
                Console.Error.WriteLine($"--output: {outputProblem}; give a folder for the executed notebooks (it is created if missing).");
                return 2;
            }
            var options = new RunnerOptions
            {
                RepoRoot = root,
                OutputDirectory = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : null,
                Quick = parse.GetValue(quick) || RunProfile.IsQuick,
                CellTimeout = parse.GetValue(cellTimeout),
                NotebookTimeout = parse.GetValue(notebookTimeout),
                Check = parse.GetValue(check),
            };
            // Ctrl-C, SIGTERM and SIGHUP stop the run; the executor gets the same signal and names it in the partial notebook.
            // The listener's token (not the parser's, cancelled by the same signals) is set only once the signal is known.
            using var stop = new StopSignalListener();
            return await new NotebookRunner(options, Console.Out).RunAsync(chosen, stop.Token, () => stop.Received);
        });
        return command;
    }

    // No default value: an option left out must not hide the notebook's own limit.
    private static Option<TimeSpan?> DurationOption(string name, string description) => new(name)
    {
        HelpName = "duration",
        Description = description,
        CustomParser = result =>
        {
            var parsed = DurationText.Parse(result.Tokens.Count == 1 ? result.Tokens[0].Value : "", out var error);
            if (error is not null) result.AddError($"{name}: {error}");
            return parsed;
        },
    };
}
