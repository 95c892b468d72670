namespace GanNotebooks.Data.ImageFolders;

/// <summary>
/// How <see cref="ImageFolder"/> reads a folder of pictures. Defaults: 64×64 colour, every JPEG/PNG/BMP/WebP/GIF
/// found (sub-folders included), files up to 50 MB and 10,000 pixels a side, decoded on every core.
/// Introduced in notebook 04-dcgan.
/// </summary>
public sealed record ImageFolderOptions
{
    /// <summary>Side of the square images produced (centre crop, then resize). Default 64.</summary>
    public int Size { get; init; } = 64;

    /// <summary>3 for colour, 1 for grey. Default 3.</summary>
    public int Channels { get; init; } = 3;

    /// <summary>Read at most this many images (in file-name order); null for all. Default null.</summary>
    public int? Limit { get; init; }

    /// <summary>Files larger than this are skipped without being read. Default 50 MB.</summary>
    public long MaxFileBytes { get; init; } = 50_000_000;

    /// <summary>Images wider or taller than this are skipped before decoding. Default 10,000.</summary>
    public int MaxSide { get; init; } = 10_000;

    /// <summary>File endings that count as pictures (case-insensitive).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif"];

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public ImageFolderOptions Validate()
    {
        if (Size is < 4 or > 1024) throw new ArgumentException($"ImageFolderOptions.Size = {Size} must be between 4 and 1024.", nameof(Size));
        if (Channels is not (1 or 3)) throw new ArgumentException($"ImageFolderOptions.Channels = {Channels} must be 1 or 3.", nameof(Channels));
        if (Limit is <= 0) throw new ArgumentException($"ImageFolderOptions.Limit = {Limit} must be at least 1 (or null for all).", nameof(Limit));
        if (MaxFileBytes <= 0) throw new ArgumentException($"ImageFolderOptions.MaxFileBytes = {MaxFileBytes} must be positive.", nameof(MaxFileBytes));
        if (MaxSide <= 0) throw new ArgumentException($"ImageFolderOptions.MaxSide = {MaxSide} must be positive.", nameof(MaxSide));
        return this;
    }
}
