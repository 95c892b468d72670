namespace GanNotebooks.Data.Fetching;

/// <summary>
/// What to fetch for one data set: the mirrors to try in order (base URLs ending in '/') and the canonical files.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="Name">The data set.</param>
/// <param name="Mirrors">Base URLs, tried in order; a file's URL is the base plus its name.</param>
/// <param name="Files">The canonical files with their sizes and hashes.</param>
public sealed record DataSetCatalogEntry(DataSetName Name, IReadOnlyList<Uri> Mirrors, IReadOnlyList<CatalogFile> Files)
{
    /// <summary>The catalog entry of <paramref name="fileName"/>, or null.</summary>
    public CatalogFile? FileNamed(string fileName) => Files.FirstOrDefault(f => f.FileName == fileName);
}
