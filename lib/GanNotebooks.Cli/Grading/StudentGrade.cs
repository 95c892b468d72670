namespace GanNotebooks.Cli.Grading;

/// <summary>Everything graded for one student (one folder of the submissions).</summary>
/// <param name="Student">The folder's name.</param>
/// <param name="Notebooks">One grade per assignment notebook.</param>
public sealed record StudentGrade(string Student, IReadOnlyList<NotebookGrade> Notebooks)
{
    /// <summary>Points earned over every task.</summary>
    public double Earned => Notebooks.SelectMany(n => n.Tasks).Sum(t => t.Earned);

    /// <summary>Points available over every task.</summary>
    public double Maximum => Notebooks.SelectMany(n => n.Tasks).Sum(t => t.MaximumPoints);
}
