namespace GanNotebooks.Data.Fetching;

/// <summary>
/// Progress of one file's download. Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="FileName">The file being downloaded.</param>
/// <param name="BytesReceived">Bytes in the file so far (including a resumed part).</param>
/// <param name="TotalBytes">The file's full size, when known.</param>
/// <param name="Source">The URL being read.</param>
public readonly record struct DownloadProgress(string FileName, long BytesReceived, long? TotalBytes, Uri Source)
{
    /// <summary>Percentage done (0 to 100), or null when the total is unknown.</summary>
    public double? Percent => TotalBytes is > 0 ? 100.0 * BytesReceived / TotalBytes.Value : null;
}
