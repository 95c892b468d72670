using System.Text.Json.Nodes;
using GanNotebooks.Data;
using GanNotebooks.Cli.Runner;
using GanNotebooks.IO;
using GanNotebooks.Metrics;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// <c>gan grade</c>: grades every student folder of a submissions folder against the instructor's assignment
/// notebooks. Each student folder holds that student's notebooks under the assignments' file names (e.g.
/// <c>alice/02-vanilla-gan.ipynb</c>). All submissions are read before the first one runs; each runs in its own kernel
/// process (<see cref="SubmissionRunner"/>); a submission that fails in any way gets the points of the checks that
/// passed and a note, and grading goes on. The gradebook and the reports are written when all are graded
/// (<see cref="GradebookWriter"/>).
/// </summary>
public sealed class Grader(GradingOptions options, TextWriter log)
{
    /// <summary>The assignment notebooks of the source folder (those with hidden tests), in file-name order.</summary>
    public IReadOnlyList<AssignmentNotebook> Assignments() =>
        Directory.GetFiles(options.Sources, "*.ipynb").Order(StringComparer.Ordinal)
            .Select(AssignmentNotebook.Load).Where(a => a.HiddenTests.Count > 0).ToList();

    /// <summary>Grades every student folder under <paramref name="submissions"/>; returns the grades in folder-name order.</summary>
    public async Task<IReadOnlyList<StudentGrade>> GradeAsync(string submissions, CancellationToken cancellation = default)
    {
        var assignments = Assignments();
        if (assignments.Count == 0)
            throw new InvalidOperationException($"No notebook in {options.Sources} has hidden test cells ('{HiddenTestCell.HeaderStart} <task> (<points> points)').");
        PrepareEvaluationClassifier();
        var students = Directory.GetDirectories(submissions).Order(StringComparer.Ordinal).ToList();
        // Read every submission first: a submission that deletes the others' files cannot change what is graded.
        var read = students.ToDictionary(s => s, s => assignments.ToDictionary(a => a.FileName, a => ReadSubmission(Path.Combine(s, a.FileName))));
        var hidden = new[] { Path.GetFullPath(submissions), options.Sources, options.OutputFolder };
        var watched = hidden.Append(Path.Combine(options.RepoRoot, "build", "notebook")).ToArray();
        log.WriteLine(!options.Sandbox ? "Kernels run without a sandbox (--no-sandbox); changed files are reported."
            : SandboxedKernelSpec.BubblewrapPath is null ? "bubblewrap (bwrap) is not installed: kernels run without a sandbox; changed files are reported. Install it with: apt-get install bubblewrap"
            : $"Kernels run in a bubblewrap sandbox ({SandboxedKernelSpec.BubblewrapPath}).");
        var grades = new List<StudentGrade>();
        foreach (var student in students)
        {
            var name = Path.GetFileName(student);
            var notebooks = new List<NotebookGrade>();
            foreach (var assignment in assignments)
            {
                cancellation.ThrowIfCancellationRequested();
                log.WriteLine($"[{name}] {assignment.FileName}");
                var (submission, problem) = read[student][assignment.FileName];
                if (submission is null)
                {
                    var tasks = assignment.Tasks.Select(t => new TaskGrade(t.Task, t.Points, [], [problem!])).ToList();
                    notebooks.Add(new NotebookGrade(assignment.FileName, tasks, [problem!], null));
                    continue;
                }
                var before = FileSnapshot.Take(watched);
                var (taskGrades, notes, executed) = await new SubmissionRunner(options, log).GradeAsync(assignment, submission, cancellation);
                var changes = before.Differences(FileSnapshot.Take(watched));
                var allNotes = notes.Concat(changes.Select(c => $"the run touched a file outside its workspace: {c}")).ToList();
                var copy = executed is null ? null : SaveExecuted(name, assignment.FileName, executed);
                notebooks.Add(new NotebookGrade(assignment.FileName, taskGrades, allNotes, copy));
                log.WriteLine($"[{name}] {assignment.FileName}: " + string.Join(", ", taskGrades.Select(g => $"{g.Task} {g.Earned:0.##}/{g.MaximumPoints:0.##}")));
            }
            grades.Add(new StudentGrade(name, notebooks));
        }
        return grades;
    }

    /// <summary>
    /// Loads the MNIST evaluation classifier, training and caching it first if this machine has none. Notebooks train it
    /// on first use and cache it in the data folder, which the sandbox shows read-only: made here, before the first
    /// submission runs, it is there for every submission, and no student loses the points of a check that needs it.
    /// </summary>
    private void PrepareEvaluationClassifier()
    {
        log.WriteLine("The MNIST evaluation classifier the notebooks read (trained once and cached if missing):");
        using var evaluator = SampleEvaluator.Create(DataSetName.Mnist, log: log);
    }

    private static (JsonNode? Notebook, string? Problem) ReadSubmission(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (PathCheck.IsSymbolicLink(folder))
            return (null, $"not graded: the student's folder {folder} is a symbolic link, not a folder of its own; submit the notebooks in a real folder.");
        if (PathCheck.Classify(path) == PathKind.Missing && !PathCheck.IsSymbolicLink(path))
            return (null, $"not submitted ({Path.GetFileName(path)} is missing).");
        if (PathCheck.IsSymbolicLink(path))
            return (null, $"not graded: {Path.GetFileName(path)} is a symbolic link, not a notebook file; submit the notebook file itself (links and special files are refused).");
        if (PathCheck.FileProblem(path) is { } problem)
            return (null, $"not graded: {problem}; submit the notebook file itself (links and special files are refused).");
        try
        {
            return (NotebookFile.Read(path, Path.GetFileName(path)), null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    private string SaveExecuted(string student, string notebook, JsonNode executed)
    {
        var path = Path.Combine(options.OutputFolder, "executed", student, notebook);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        GanNotebooks.IO.AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(executed.ToJsonString()));
        return path;
    }
}
