using GanNotebooks.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Export;

/// <summary>
/// Writes generated images in MNIST's own file format (IDX3 ubyte), so that any MNIST tool can read them and the
/// kit's evaluation can score them: <c>artifacts/&lt;notebook&gt;/samples.idx3-ubyte</c> (and
/// <c>labels.idx1-ubyte</c> for a conditional model). Files are written atomically. Introduced in notebook
/// 02-vanilla-gan.
/// </summary>
public static class SampleExport
{
    /// <summary>The file name every notebook uses for its samples.</summary>
    public const string SamplesFileName = "samples.idx3-ubyte";

    /// <summary>
    /// The file name for samples of several channels, e.g. Stacked MNIST's [N, 3, 28, 28] (IDX, magic 0x00000804).
    /// Introduced in notebook 09-mode-collapse-benchmark.
    /// </summary>
    public const string ChannelSamplesFileName = "samples.idx4-ubyte";

    /// <summary>The file name for the labels of conditional samples.</summary>
    public const string LabelsFileName = "labels.idx1-ubyte";

    /// <summary>
    /// Writes grey images [N, 1, H, W] (or [N, H, W]) with values in [-1, 1] to <paramref name="path"/> as IDX3
    /// ubyte (0..255; values outside [-1, 1] are clamped) and returns the pixel bytes written.
    /// </summary>
    public static byte[] WriteImages(Tensor images, string path)
    {
        if (images.dim() == 4 && images.shape[1] != 1)
            throw new ArgumentException($"IDX3 holds grey images; got {images.shape[1]} channels (shape [{string.Join(", ", images.shape)}]).", nameof(images));
        if (images.dim() is not (3 or 4))
            throw new ArgumentException($"expected images [N, 1, H, W] or [N, H, W], got shape [{string.Join(", ", images.shape)}].", nameof(images));
        using var scope = NewDisposeScope();
        long count = images.shape[0], rows = images.shape[^2], cols = images.shape[^1];
        var bytes = ToBytes(images);
        IdxWriter.WriteImages(path, bytes, (int)count, (int)rows, (int)cols);
        return bytes;
    }

    /// <summary>
    /// Reads an IDX3 ubyte file (as written by <see cref="WriteImages"/>, or MNIST's own) back into images
    /// [N, 1, H, W] with values in [-1, 1], the range the kit's generators produce.
    /// </summary>
    public static Tensor ReadImages(string path)
    {
        var idx = IdxReader.ReadImages(path);
        using var scope = NewDisposeScope();
        var bytes = torch.tensor(idx.Pixels).view(idx.Count, 1, idx.Rows, idx.Columns);
        return bytes.to_type(ScalarType.Float32).div(127.5).sub(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Writes images [N, C, H, W] of any number of channels with values in [-1, 1] to <paramref name="path"/> as a
    /// four-dimensional IDX ubyte file (0..255 by (x + 1) · 127.5, rounded; values outside [-1, 1] are clamped),
    /// atomically, and returns the pixel bytes written. Introduced in notebook 09-mode-collapse-benchmark.
    /// </summary>
    public static byte[] WriteChannelImages(Tensor images, string path)
    {
        if (images.dim() != 4)
            throw new ArgumentException($"expected images [N, C, H, W], got shape [{string.Join(", ", images.shape)}].", nameof(images));
        using var scope = NewDisposeScope();
        var bytes = ToBytes(images);
        IdxWriter.WriteChannelImages(path, bytes, (int)images.shape[0], (int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
        return bytes;
    }

    /// <summary>
    /// Reads a four-dimensional IDX ubyte file (as written by <see cref="WriteChannelImages"/>) back into images
    /// [N, C, H, W] with values in [-1, 1]. Introduced in notebook 09-mode-collapse-benchmark.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, not a four-dimensional IDX image file, truncated or has trailing bytes.</exception>
    public static Tensor ReadChannelImages(string path)
    {
        var idx = IdxReader.ReadChannelImages(path);
        using var scope = NewDisposeScope();
        var bytes = torch.tensor(idx.Pixels).view(idx.Count, idx.Channels, idx.Rows, idx.Columns);
        return bytes.to_type(ScalarType.Float32).div(127.5).sub(1).MoveToOuterDisposeScope();
    }

    private static byte[] ToBytes(Tensor images) =>
        images.detach().cpu().to_type(ScalarType.Float32).add(1).mul(127.5).round().clamp(0, 255)
            .to_type(ScalarType.Byte).contiguous().data<byte>().ToArray();

    /// <summary>Writes class labels (0..255) to <paramref name="path"/> as IDX1 ubyte.</summary>
    public static void WriteLabels(Tensor labels, string path)
    {
        using var scope = NewDisposeScope();
        var values = labels.detach().cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        var bad = values.FirstOrDefault(v => v is < 0 or > 255, -1);
        if (values.Any(v => v is < 0 or > 255)) throw new ArgumentException($"label {bad} does not fit in one byte.", nameof(labels));
        IdxWriter.WriteLabels(path, values.Select(v => (byte)v).ToArray());
    }

    /// <summary>
    /// Reads an IDX1 ubyte file of class labels (as written by <see cref="WriteLabels"/>) back into int64 [N].
    /// Introduced in notebook 05-conditional-gan.
    /// </summary>
    public static Tensor ReadLabels(string path) =>
        torch.tensor(IdxReader.ReadLabels(path).Select(b => (long)b).ToArray());
}
