namespace GanNotebooks.Data.Fetching;

/// <summary>
/// Fetching a data set failed (every mirror and the fallback, or a lock held too long). The message says what
/// was tried and what to do. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class DataFetchException : IOException
{
    /// <summary>Creates the exception with a full, human-readable message.</summary>
    public DataFetchException(string message, Exception? inner = null) : base(message, inner) { }
}
