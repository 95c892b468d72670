namespace GanNotebooks.Data.ImageFolders;

/// <summary>A file <see cref="ImageFolder"/> could not use, and why. Introduced in notebook 04-dcgan.</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">What is wrong, e.g. "truncated (the decoder ran out of data)".</param>
public sealed record SkippedImage(string Path, string Reason);
