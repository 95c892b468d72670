namespace GanNotebooks.Cli.Grading;

/// <summary>One submitted notebook, graded.</summary>
/// <param name="Notebook">The assignment's file name, e.g. <c>02-vanilla-gan.ipynb</c>.</param>
/// <param name="Tasks">Each task's grade.</param>
/// <param name="Notes">What happened on the way: a missing notebook, cells that failed or were skipped, files the run changed.</param>
/// <param name="ExecutedCopy">The executed submission with the hidden tests' outputs, or null when none was written.</param>
public sealed record NotebookGrade(string Notebook, IReadOnlyList<TaskGrade> Tasks, IReadOnlyList<string> Notes, string? ExecutedCopy);
