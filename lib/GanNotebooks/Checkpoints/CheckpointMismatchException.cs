namespace GanNotebooks.Checkpoints;

/// <summary>
/// A valid checkpoint that does not fit the trainer it is loaded into: other networks, other sizes or other
/// trainer settings. <see cref="Differences"/> lists each difference in words, e.g. "generator hidden widths
/// 256,512,1024 in the checkpoint vs 128,256,512 here". Nothing was changed in the trainer. Introduced in notebook
/// 02-vanilla-gan.
/// </summary>
public sealed class CheckpointMismatchException : CheckpointException
{
    /// <summary>The checkpoint at <paramref name="filePath"/> differs from the trainer in <paramref name="differences"/>.</summary>
    public CheckpointMismatchException(string filePath, IReadOnlyList<string> differences)
        : base(filePath, $"Checkpoint {filePath} does not fit this trainer: {string.Join("; ", differences)}. " +
                         "Build the networks and the trainer with the checkpoint's settings (TrainingCheckpoint.ReadHeader shows them), then load it again.")
    {
        Differences = differences;
    }

    /// <summary>Each difference between checkpoint and trainer, in words.</summary>
    public IReadOnlyList<string> Differences { get; }
}
