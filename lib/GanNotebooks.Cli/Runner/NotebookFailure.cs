namespace GanNotebooks.Cli.Runner;

/// <summary>The first error found in an executed notebook: which cell, its first line, and the error text.</summary>
/// <param name="CellNumber">1-based number of the cell among all cells.</param>
/// <param name="CellFirstLine">The cell's first source line, to find it.</param>
/// <param name="Message">The compiler or runtime error text.</param>
public sealed record NotebookFailure(int CellNumber, string CellFirstLine, string Message)
{
    /// <summary>The failure as it is reported: notebook, cell and error.</summary>
    public string Describe(string notebook) =>
        $"{notebook}: cell {CellNumber} (\"{CellFirstLine}\") failed:\n{Message}" +
        (Message.Contains("CS0006", StringComparison.Ordinal)
            ? "\nThe kit's library is not built: run ./gan build from the repository root."
            : "");
}
