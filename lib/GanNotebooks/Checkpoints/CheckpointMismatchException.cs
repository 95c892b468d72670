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
        : this(filePath, differences, $"Checkpoint {filePath} does not fit this trainer",
               "Build the networks and the trainer with the checkpoint's settings (TrainingCheckpoint.ReadHeader shows them), then load it again.")
    {
    }

    /// <summary>The file at <paramref name="filePath"/> differs from what it is loaded into; <paramref name="what"/> starts the message, <paramref name="fix"/> ends it.</summary>
    public CheckpointMismatchException(string filePath, IReadOnlyList<string> differences, string what, string fix)
        : base(filePath, $"{what}: {string.Join("; ", differences)}. {fix}")
    {
        Differences = differences;
    }

    /// <summary>Each difference between checkpoint and trainer, in words.</summary>
    public IReadOnlyList<string> Differences { get; }
}
