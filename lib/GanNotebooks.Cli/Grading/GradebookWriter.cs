using System.Globalization;
using System.Text;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Grading;

/// <summary>
/// Writes <c>gradebook.csv</c> (one row per student: each task's points, the total, the maximum and whether the runs
/// had notes) and <c>reports/&lt;student&gt;.md</c> (every check with its message, and the notes), each atomically.
/// </summary>
public static class GradebookWriter
{
    /// <summary>The gradebook's file name.</summary>
    public const string FileName = "gradebook.csv";

    /// <summary>Writes the gradebook and the reports under <paramref name="folder"/>; returns the gradebook's path.</summary>
    public static string Write(string folder, IReadOnlyList<StudentGrade> grades)
    {
        Directory.CreateDirectory(Path.Combine(folder, "reports"));
        var tasks = grades.SelectMany(g => g.Notebooks).SelectMany(n => n.Tasks).Select(t => (t.Task, t.MaximumPoints)).Distinct().ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "student" }.Concat(tasks.Select(t => $"{t.Task} ({Number(t.MaximumPoints)})"))
            .Concat(["total", "maximum", "notes"]).Select(Quote)));
        foreach (var grade in grades)
        {
            var byTask = grade.Notebooks.SelectMany(n => n.Tasks).ToDictionary(t => t.Task, t => t.Earned);
            var notes = grade.Notebooks.Sum(n => n.Notes.Count);
            csv.AppendLine(string.Join(",", new[] { Quote(grade.Student) }
                .Concat(tasks.Select(t => Number(byTask.GetValueOrDefault(t.Task))))
                .Concat([Number(grade.Earned), Number(grade.Maximum), Quote(notes == 0 ? "" : $"{notes} note(s), see reports/{grade.Student}.md")])));
            AtomicFile.WriteAllBytes(Path.Combine(folder, "reports", grade.Student + ".md"), Encoding.UTF8.GetBytes(Report(grade)));
        }
        var path = Path.Combine(folder, FileName);
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(csv.ToString()));
        return path;
    }

    /// <summary>The readable report of one student.</summary>
    public static string Report(StudentGrade grade)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {grade.Student}: {Number(grade.Earned)} of {Number(grade.Maximum)} points").AppendLine();
        foreach (var notebook in grade.Notebooks)
        {
            text.AppendLine($"## {notebook.Notebook}").AppendLine();
            foreach (var task in notebook.Tasks)
            {
                text.AppendLine($"### {task.Task}: {Number(task.Earned)} of {Number(task.MaximumPoints)} points").AppendLine();
                foreach (var check in task.Checks)
                    text.AppendLine($"* {(check.Passed ? "passed" : "FAILED")} ({Number(check.Earned)}/{Number(check.Points)}) {check.Check}"
                        + (check.Passed ? "" : $": {check.Message}"));
                foreach (var problem in task.Problems)
                    text.AppendLine($"* {problem}");
                text.AppendLine();
            }
            if (notebook.Notes.Count > 0)
            {
                text.AppendLine("Notes:").AppendLine();
                foreach (var note in notebook.Notes) text.AppendLine($"* {note}");
                text.AppendLine();
            }
            if (notebook.ExecutedCopy is { } copy) text.AppendLine($"The executed notebook, hidden tests included: {copy}").AppendLine();
        }
        return text.ToString();
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A text cell of the gradebook: neutralised by OWASP's rule for CSV injection (a cell that starts with <c>=</c>,
    /// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>, so that a spreadsheet shows it
    /// as text instead of running it as a formula, and is quoted); a cell with a comma, a quote or a line break is
    /// quoted too, its quotes doubled.
    /// </summary>
    public static string Quote(string value)
    {
        var formula = value.Length > 0 && "=+-@\t\r".Contains(value[0]);
        if (formula) value = "'" + value;
        return formula || value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
