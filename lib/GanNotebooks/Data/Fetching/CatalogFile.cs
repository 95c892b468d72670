namespace GanNotebooks.Data.Fetching;

/// <summary>
/// One canonical file of a data set: its name, the size and SHA-256 of the published .gz, and (when known) the
/// size and SHA-256 of its decompressed contents, which identify re-compressed copies such as Debian's.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="FileName">Canonical name, e.g. <c>train-images-idx3-ubyte.gz</c>.</param>
/// <param name="Size">Size in bytes of the published .gz file.</param>
/// <param name="Sha256">SHA-256 (lower-case hex) of the published .gz file.</param>
/// <param name="DecompressedSize">Size in bytes of the decompressed IDX file.</param>
/// <param name="DecompressedSha256">SHA-256 of the decompressed IDX file, or null when not recorded.</param>
public sealed record CatalogFile(string FileName, long Size, string Sha256, long DecompressedSize, string? DecompressedSha256);
