namespace GanNotebooks.Checkpoints;

/// <summary>
/// One named block of a checkpoint's payload (a network's tensors, an optimizer's state, the history, ...), by
/// offset and length within the payload. Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="Name">What the block holds, e.g. <c>generator</c> or <c>generator-optimizer</c>.</param>
/// <param name="Offset">Where the block starts, in bytes from the start of the payload.</param>
/// <param name="Length">The block's length in bytes.</param>
public sealed record CheckpointSection(string Name, long Offset, long Length);
