namespace GanNotebooks.Visualization;

/// <summary>
/// An encoded animated GIF made by the kit (the fixed-noise samples over training), with its size and frame count.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="Bytes">The GIF file's bytes.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="FrameCount">How many frames it has.</param>
public sealed record GifImage(byte[] Bytes, int Width, int Height, int FrameCount)
{
    /// <summary>Writes the GIF to <paramref name="path"/> atomically (a temporary file, then a rename).</summary>
    public void Save(string path) => GanNotebooks.IO.AtomicFile.WriteAllBytes(path, Bytes);

    /// <summary>The animation as a base64 string, as notebook front ends expect for <c>image/gif</c>.</summary>
    public string ToBase64() => Convert.ToBase64String(Bytes);
}
