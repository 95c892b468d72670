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
        var timeout = new Option<int>("--cell-timeout") { Description = "Minutes a single cell may run before the run stops.", DefaultValueFactory = _ => 30 };
        var output = new Option<string?>("--output") { Description = "Folder for the executed copies (default: artifacts/executed)." };
        var check = new Option<bool>("--check") { Description = "Also check each executed notebook: enough pictures, a static image beside every chart, readable samples." };
        var command = new Command("run", "Execute notebooks headlessly; executed copies with their pictures go to artifacts/executed/.")
        {
            notebooks, quick, timeout, output, check,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var root = KitPaths.RepoRoot;
            var chosen = parse.GetValue(notebooks) is { Length: > 0 } given
                ? given.Select(Path.GetFullPath).ToArray()
                : Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToArray();
            var missing = chosen.FirstOrDefault(n => !File.Exists(n));
            if (missing is not null)
            {
                Console.Error.WriteLine($"No such notebook: {missing}");
                return 2;
            }
            var options = new RunnerOptions
            {
                RepoRoot = root,
                OutputDirectory = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : null,
                Quick = parse.GetValue(quick) || RunProfile.IsQuick,
                CellTimeout = TimeSpan.FromMinutes(parse.GetValue(timeout)),
                Check = parse.GetValue(check),
            };
            return await new NotebookRunner(options, Console.Out).RunAsync(chosen, cancellation);
        });
        return command;
    }
}
