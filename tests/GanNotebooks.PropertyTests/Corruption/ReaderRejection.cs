namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// A test's stand-in for a reader's documented way of refusing a file when that is not an exception: a null result
/// with an error message (<c>NotebookLimitsReader.Read</c>), or JSON that does not parse before a reader that takes
/// a parsed document.
/// </summary>
public sealed class ReaderRejection(string message) : Exception(message);
