using System.CommandLine;
using GanNotebooks.Cli.Grading;
using GanNotebooks.Cli.Runner;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Commands;

/// <summary><c>gan grade &lt;submissions&gt;</c>: runs every student's notebooks with the instructor's hidden tests and writes a gradebook.</summary>
public static class GradeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var submissions = new Argument<string>("submissions") { Description = "Folder with one folder per student, holding the submitted notebooks under the assignments' file names." };
        var output = new Option<string?>("--out") { Description = "Folder for gradebook.csv, reports/ and executed/ (default: artifacts/gradebook)." };
        var source = new Option<string?>("--source") { Description = "Folder of the instructor's notebooks, the source of the hidden tests (default: notebooks/)." };
        var timeLimit = new Option<string>("--time-limit") { Description = "Time one run of a notebook may take, hidden tests included (default 10m).", DefaultValueFactory = _ => "10m" };
        var cellLimit = new Option<string>("--cell-time-limit") { Description = "Time one cell may take; a longer cell is skipped in a further run (default 3m).", DefaultValueFactory = _ => "3m" };
        var memoryLimit = new Option<string>("--memory-limit") { Description = "Resident memory of the kernel's processes (default 4g).", DefaultValueFactory = _ => "4g" };
        var full = new Option<bool>("--full") { Description = "Run the notebooks with the full profile instead of the quick one." };
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Run the kernels without the bubblewrap sandbox, even where bwrap is installed." };
        var command = new Command("grade", "Grade submitted notebooks: each runs in its own kernel with the instructor's hidden tests appended, under "
            + "time and memory limits; writes gradebook.csv and one report per student (see notebooks/README.md).")
        {
            submissions, output, source, timeLimit, cellLimit, memoryLimit, full, noSandbox,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var time = DurationText.Parse(parse.GetValue(timeLimit)!, out var timeError);
            var cell = DurationText.Parse(parse.GetValue(cellLimit)!, out var cellError);
            var memory = ByteSizeText.Parse(parse.GetValue(memoryLimit)!, out var memoryError);
            if ((timeError ?? cellError ?? memoryError) is { } error)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            var folder = Path.GetFullPath(parse.GetValue(submissions)!);
            if (PathCheck.Classify(folder) == PathKind.Missing)
            {
                Console.Error.WriteLine($"No such folder: {folder}");
                return 2;
            }
            if (OptionProblem(folder, parse.GetValue(source), parse.GetValue(output)) is { } optionProblem)
            {
                Console.Error.WriteLine(optionProblem);
                return 2;
            }
            var options = new GradingOptions
            {
                RepoRoot = KitPaths.RepoRoot,
                SourceFolder = parse.GetValue(source) is { } s ? Path.GetFullPath(s) : null,
                OutputFolder = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : Path.Combine(KitPaths.ArtifactsRoot, "gradebook"),
                TimeLimit = time!.Value,
                CellTimeLimit = cell!.Value,
                MemoryLimitBytes = memory!.Value,
                Quick = !parse.GetValue(full),
                Sandbox = !parse.GetValue(noSandbox),
            };
            try
            {
                var grades = await new Grader(options, Console.Out).GradeAsync(folder, cancellation);
                var gradebook = GradebookWriter.Write(options.OutputFolder, grades);
                foreach (var grade in grades)
                    Console.WriteLine($"{grade.Student}: {grade.Earned:0.##} of {grade.Maximum:0.##} points");
                Console.WriteLine($"Gradebook: {gradebook}; reports in {Path.Combine(options.OutputFolder, "reports")}");
                return 0;
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// What is wrong with the submissions folder, <c>--source</c> or <c>--out</c>, or null: each must be a folder (the
    /// output may be new), and the output may be neither the submissions nor the source folder (symbolic links
    /// resolved), whose files the gradebook would mix with or replace.
    /// </summary>
    public static string? OptionProblem(string submissions, string? source, string? output)
    {
        if (PathCheck.FolderProblem(submissions) is { } problem)
            return $"submissions: {problem}; give the folder with one folder per student.";
        if (source is not null && PathCheck.FolderProblem(source) is { } sourceProblem)
            return $"--source: {sourceProblem}; give the folder of the instructor's notebooks.";
        if (output is null) return null;
        if (PathCheck.OutputFolderProblem(output) is { } outProblem)
            return $"--out: {outProblem}; give a folder for the gradebook (it is created if missing).";
        foreach (var (folder, what) in new[] { (submissions, "the submissions folder"), (source, "the source folder") })
            if (folder is not null && PathCheck.Resolve(folder) == PathCheck.Resolve(output))
                return $"--out {Path.GetFullPath(output)} is {what}; the gradebook, reports/ and executed/ would be written among its files. Give another folder.";
        return null;
    }
}
