namespace GanNotebooks.Grading;

/// <summary>A graded check that did not hold; its message is what the student reads in the report.</summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>A failed check with the reason.</summary>
    public CheckFailedException(string message) : base(message)
    {
    }
}
