namespace GanNotebooks.Checkpoints;

/// <summary>
/// How a <see cref="CheckpointFolder"/> names and keeps checkpoints. Defaults: keep the last 3, files named
/// <c>checkpoint-000001234.ganckpt</c>. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed record CheckpointOptions
{
    /// <summary>How many of the newest checkpoints to keep; older ones are deleted after each save. Default 3.</summary>
    public int KeepLast { get; init; } = 3;

    /// <summary>The start of every checkpoint file name (letters, digits, '-' and '_'). Default <c>checkpoint</c>.</summary>
    public string FilePrefix { get; init; } = "checkpoint";

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public CheckpointOptions Validate()
    {
        if (KeepLast < 1)
            throw new ArgumentException($"CheckpointOptions.KeepLast = {KeepLast} must be at least 1 (the newest checkpoint is always kept).", nameof(KeepLast));
        if (string.IsNullOrEmpty(FilePrefix) || !FilePrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"CheckpointOptions.FilePrefix = '{FilePrefix}' must be non-empty and use only letters, digits, '-' and '_'.", nameof(FilePrefix));
        return this;
    }
}
