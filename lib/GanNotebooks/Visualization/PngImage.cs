namespace GanNotebooks.Visualization;

/// <summary>
/// An encoded PNG picture made by the kit (an image grid, a static chart), with its size. Returned from a notebook
/// cell it renders inline (see <c>GanNotebooks.Interactive</c>). Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="Bytes">The PNG file's bytes.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record PngImage(byte[] Bytes, int Width, int Height)
{
    /// <summary>Writes the PNG to <paramref name="path"/> atomically (a temporary file, then a rename).</summary>
    public void Save(string path) => GanNotebooks.IO.AtomicFile.WriteAllBytes(path, Bytes);

    /// <summary>The picture as a base64 string, as notebook front ends expect for <c>image/png</c>.</summary>
    public string ToBase64() => Convert.ToBase64String(Bytes);
}
