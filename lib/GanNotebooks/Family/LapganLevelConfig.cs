namespace GanNotebooks.Family;

/// <summary>
/// Sizes of one LAPGAN refinement level: the image size at that level (twice the coarser level's), channels, the
/// length of the level's noise vector and the width of its convolutions. Defaults: 14×14 grey, noise 16, 32 feature
/// maps. Introduced in notebook 08-gan-family.
/// </summary>
public sealed record LapganLevelConfig
{
    /// <summary>Height and width of this level's images and residuals. Must be even. Default 14.</summary>
    public int ImageSize { get; init; } = 14;

    /// <summary>Image channels. Default 1 (grey).</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Length of the level's noise vector z; it is projected to one extra input map. Default 16.</summary>
    public int LatentSize { get; init; } = 16;

    /// <summary>Feature maps of the hidden convolutions in G and D. Default 32.</summary>
    public int Features { get; init; } = 32;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public LapganLevelConfig Validate()
    {
        if (ImageSize < 2 || ImageSize % 2 != 0)
            throw new ArgumentException($"LapganLevelConfig.ImageSize = {ImageSize} must be even and at least 2.", nameof(ImageSize));
        if (Channels is not (1 or 3)) throw new ArgumentException($"LapganLevelConfig.Channels = {Channels} must be 1 (grey) or 3 (colour).", nameof(Channels));
        if (LatentSize <= 0) throw new ArgumentException($"LapganLevelConfig.LatentSize = {LatentSize} must be at least 1.", nameof(LatentSize));
        if (Features <= 0) throw new ArgumentException($"LapganLevelConfig.Features = {Features} must be at least 1.", nameof(Features));
        return this;
    }
}
