namespace GanNotebooks.Checkpoints;

/// <summary>
/// A checkpoint could not be written or loaded: the file is damaged or truncated, belongs to another architecture
/// or other trainer settings, or the disk refused the write. The message names the file and what to do.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public class CheckpointException : IOException
{
    /// <summary>An error about the checkpoint at <paramref name="filePath"/>.</summary>
    public CheckpointException(string filePath, string message, Exception? inner = null) : base(message, inner)
    {
        FilePath = filePath;
    }

    /// <summary>The checkpoint file concerned.</summary>
    public string FilePath { get; }
}
