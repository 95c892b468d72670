using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// Grades one submitted notebook: runs the submission's cells and then the instructor's hidden test cells in a fresh
/// kernel, in a private workspace (<see cref="GradingWorkspace"/>), under a time limit, a cell limit and a memory cap,
/// and reads the checks' results (<see cref="HiddenCellResults"/>). A cell of the submission that does not finish
/// (over the cell limit, out of memory, or killing the kernel) is skipped in a further run, up to
/// <see cref="GradingOptions.MaximumRuns"/> runs, so the hidden tests still get their turn.
/// </summary>
/// <param name="options">The grading settings.</param>
/// <param name="log">Progress.</param>
internal sealed class SubmissionRunner(GradingOptions options, TextWriter log)
{
    /// <summary>Grades <paramref name="submission"/> (the notebook's JSON, read before any run) against <paramref name="assignment"/>.</summary>
    public async Task<(IReadOnlyList<TaskGrade> Tasks, IReadOnlyList<string> Notes, JsonNode? Executed)> GradeAsync(
        AssignmentNotebook assignment, JsonNode submission, CancellationToken cancellation)
    {
        var notes = new List<string>();
        var cells = SubmittedCells(submission);
        var skipped = new HashSet<int>();
        for (int run = 1; ; run++)
        {
            var (outcome, executed, token) = await RunOnceAsync(assignment, submission, cells, skipped, cancellation);
            var studentCells = cells.Count;
            var failure = outcome is null ? "the notebook executor ended without a result"
                : outcome.Completed ? null : outcome.Message;
            if (failure is not null && outcome?.CellNumber is int cell && cell <= studentCells && run < options.MaximumRuns
                && outcome.Status is "timed-out" or "kernel-died" or "memory-exceeded")
            {
                notes.Add($"run {run}: {failure}; cell {cell} is skipped in run {run + 1}.");
                skipped.Add(cell - 1);
                continue;
            }
            if (failure is not null) notes.Add($"run {run}: {failure}.");
            if (executed is not null) notes.AddRange(FailedCells(executed, studentCells));
            var grades = HiddenCellResults.Read(executed, token, assignment.Tasks, failure);
            return (grades, notes, executed);
        }
    }

    private async Task<(NotebookExecutionOutcome? Outcome, JsonNode? Executed, string Token)> RunOnceAsync(AssignmentNotebook assignment,
        JsonNode submission, JsonArray cells, HashSet<int> skipped, CancellationToken cancellation)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var sandboxed = options.Sandbox && SandboxedKernelSpec.BubblewrapPath is not null;
        using var workspace = new GradingWorkspace(options.RepoRoot, assignment.FileName, sandboxed);
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["kernelspec"] = DefaultKernelSpec() },
            ["cells"] = new JsonArray(cells.Select((c, i) => (JsonNode?)(skipped.Contains(i) ? SkippedCell(c!) : c!.DeepClone())).ToArray()),
        };
        await File.WriteAllTextAsync(workspace.NotebookPath, notebook.ToJsonString(), CancellationToken.None);
        await File.WriteAllTextAsync(workspace.HiddenCellsPath, HiddenCells(assignment, token).ToJsonString(), CancellationToken.None);

        var kernelEnvironment = new Dictionary<string, string>
        {
            [KitPaths.DataDirVariable] = KitPaths.DataRoot,
            [KitPaths.ArtifactsDirVariable] = workspace.Artifacts,
            [RunProfile.Variable] = options.Quick ? "quick" : "full",
            // .NET reserves far more virtual memory than it uses (so no ulimit -v); this caps its managed heap,
            // and the executor's watchdog caps the resident memory of the kernel's whole process group.
            ["DOTNET_GCHeapHardLimit"] = options.MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture),
        };
        foreach (var name in new[] { "OMP_NUM_THREADS", "MKL_NUM_THREADS", "LANG", "LC_ALL", "TZ" })
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value) kernelEnvironment[name] = value;
        var jupyterPath = workspace.JupyterPath;
        if (sandboxed)
            SandboxedKernelSpec.Write(jupyterPath, workspace, options.RepoRoot, Path.Combine(options.RepoRoot, "build", "notebook"), KitPaths.DataRoot, kernelEnvironment);
        else KernelSpec.Write(jupyterPath, options.RepoRoot);
        var runner = new RunnerOptions
        {
            RepoRoot = options.RepoRoot,
            OutputDirectory = workspace.ExecutedFolder,
            Quick = options.Quick,
            KernelEnvironment = new Dictionary<string, string>(kernelEnvironment)
            {
                // The connection file goes to the run's own runtime folder (nbclient writes it to the temporary folder).
                ["JUPYTER_RUNTIME_DIR"] = workspace.Runtime,
                ["TMPDIR"] = workspace.Runtime,
            },
            ExecutorArguments =
            [
                "--hidden-cells", workspace.HiddenCellsPath,
                "--memory-limit-mb", (options.MemoryLimitBytes >> 20).ToString(CultureInfo.InvariantCulture),
                // What the kernel prints on its own standard output and error (the submission's code can write there)
                // goes to a file of the grader's, never to the channel the executor reports on.
                "--kernel-output", workspace.KernelOutputPath,
            ],
        };
        var limits = new NotebookLimits(options.CellTimeLimit < options.TimeLimit ? options.CellTimeLimit : options.TimeLimit, LimitSource.CommandLine,
            options.TimeLimit, LimitSource.CommandLine);
        var codeCells = Enumerable.Range(1, cells.Count + 1 + assignment.HiddenTests.Count).ToList();   // the appended cells too
        var run = await new NotebookExecutor(runner, log, () => ProcessSignals.Terminate)
            .RunAsync(workspace.NotebookPath, limits, jupyterPath, codeCells, cancellation);
        if (run.Outcome is { Status: "failed", CellsDone: 0 } && File.Exists(workspace.KernelOutputPath))
        {
            // The kernel did not start: what it printed says why (nothing of the submission has run yet).
            var lines = File.ReadLines(workspace.KernelOutputPath).Where(l => l.Trim().Length > 0).TakeLast(6).ToList();
            if (lines.Count > 0) log.WriteLine("    the kernel's last lines:\n      " + string.Join("\n      ", lines));
        }
        var written = run.Outcome?.NotebookPath is { Length: > 0 } path && File.Exists(path) ? path : null;
        JsonNode? executed = null;
        try
        {
            if (written is not null) executed = NotebookFile.Parse(await File.ReadAllTextAsync(written, CancellationToken.None), written);
        }
        catch (FormatException e)
        {
            log.WriteLine($"    {e.Message}");
        }
        return (run.Outcome, executed, token);
    }

    /// <summary>The submission's cells, outputs cleared; hidden test cells it may hold are dropped (only the instructor's count).</summary>
    private static JsonArray SubmittedCells(JsonNode submission)
    {
        var cells = new JsonArray();
        foreach (var cell in submission["cells"]?.AsArray() ?? [])
        {
            if (cell is null) continue;
            if ((string?)cell["cell_type"] == "code" && IsHiddenTestCell(ExecutedNotebookReader.JoinText(cell["source"]))) continue;
            var copy = cell.DeepClone();
            if ((string?)copy["cell_type"] == "code")
            {
                copy["outputs"] = new JsonArray();
                copy["execution_count"] = null;
                copy["metadata"]?.AsObject().Remove(HiddenCellResults.MetadataKey);
            }
            cells.Add(copy);
        }
        return cells;
    }

    private static bool IsHiddenTestCell(string source)
    {
        try
        {
            return HiddenTestCell.TryRead(source, 0) is not null;
        }
        catch (FormatException)
        {
            return true;   // a header gone wrong: still not the submission's to run
        }
    }

    private static JsonNode SkippedCell(JsonNode cell)
    {
        var copy = cell.DeepClone();
        copy["source"] = "// gan grade skipped this cell: it did not finish in an earlier run (see the report).";
        return copy;
    }

    /// <summary>The cells appended after the submission: the grader's set-up (library, run token), then the instructor's hidden tests.</summary>
    private static JsonArray HiddenCells(AssignmentNotebook assignment, string token)
    {
        var cells = new JsonArray(Cell("grader set-up", null,
            "#r \"../build/notebook/GanNotebooks.dll\"\n" + $"GanNotebooks.Grading.GradedChecks.BeginGrading(\"{token}\");"));
        foreach (var test in assignment.HiddenTests)
            cells.Add(Cell($"hidden tests {test.Task}", test.Task, test.Source));
        return cells;
    }

    private static JsonObject Cell(string id, string? task, string source) => new()
    {
        ["cell_type"] = "code",
        ["id"] = "gan-grade-" + Guid.NewGuid().ToString("N")[..12],
        ["metadata"] = new JsonObject { [HiddenCellResults.MetadataKey] = new JsonObject { ["hidden"] = true, ["task"] = task, ["what"] = id } },
        ["source"] = source,
        ["outputs"] = new JsonArray(),
        ["execution_count"] = null,
    };

    private static JsonObject DefaultKernelSpec() => new() { ["name"] = KernelSpec.Name, ["display_name"] = ".NET (C#)", ["language"] = "C#" };

    /// <summary>One note per cell of the submission that ended in an error.</summary>
    private static IEnumerable<string> FailedCells(JsonNode executed, int studentCells)
    {
        var cells = executed["cells"]?.AsArray() ?? [];
        for (int i = 0; i < Math.Min(studentCells, cells.Count); i++)
        {
            var error = (cells[i]?["outputs"]?.AsArray() ?? []).FirstOrDefault(o => (string?)o?["output_type"] == "error");
            if (error is not null)
                yield return $"cell {i + 1} of the submission failed: {error["ename"]}: {Shorten((string?)error["evalue"] ?? "")}";
        }
    }

    private static string Shorten(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
