using static TorchSharp.torch;

namespace GanNotebooks.Data.ImageFolders;

/// <summary>
/// What <see cref="ImageFolder.Load"/> read: the images as float32 [N, C, size, size] in [-1, 1], the files they came
/// from, and the files that were skipped with their reasons. Introduced in notebook 04-dcgan.
/// </summary>
public sealed class ImageFolderData(Tensor images, IReadOnlyList<string> files, IReadOnlyList<SkippedImage> skipped) : IDisposable
{
    /// <summary>The images, float32 [N, C, size, size], values in [-1, 1].</summary>
    public Tensor Images { get; } = images;

    /// <summary>The file of each image, in order.</summary>
    public IReadOnlyList<string> Files { get; } = files;

    /// <summary>Files that could not be used, with reasons.</summary>
    public IReadOnlyList<SkippedImage> Skipped { get; } = skipped;

    /// <summary>Number of images read.</summary>
    public int Count => Files.Count;

    /// <summary>One line: how many images were read and how many skipped.</summary>
    public override string ToString() =>
        $"{Count:N0} images [{string.Join(", ", Images.shape)}]" + (Skipped.Count > 0 ? $", {Skipped.Count:N0} files skipped" : "");

    /// <inheritdoc />
    public void Dispose() => Images.Dispose();
}
