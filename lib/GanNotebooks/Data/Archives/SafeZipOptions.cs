namespace GanNotebooks.Data.Archives;

/// <summary>
/// Limits for <see cref="SafeZipExtractor"/>. Defaults fit CelebA's aligned faces (202,599 small JPEGs, 1.4 GB):
/// at most 500,000 entries, 100 MB per entry and 5 GB in all. Introduced in notebook 04-dcgan.
/// </summary>
public sealed record SafeZipOptions
{
    /// <summary>Most entries an archive may hold. Default 500,000.</summary>
    public int MaxEntries { get; init; } = 500_000;

    /// <summary>Most bytes one entry may expand to. Default 100 MB.</summary>
    public long MaxEntryBytes { get; init; } = 100_000_000;

    /// <summary>Most bytes all entries together may expand to. Default 5 GB.</summary>
    public long MaxTotalBytes { get; init; } = 5_000_000_000;
}
