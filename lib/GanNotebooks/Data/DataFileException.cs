namespace GanNotebooks.Data;

/// <summary>
/// A data file that cannot be used: wrong format, wrong size, corrupt compression or a checksum that does not
/// match. The message names the file, says what is wrong and how to fix it. Introduced in notebook 02-vanilla-gan.
/// </summary>
public class DataFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a full, human-readable message.</summary>
    public DataFileException(string filePath, string message, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = filePath;
    }

    /// <summary>The file that is wrong (full path).</summary>
    public string FilePath { get; }
}
