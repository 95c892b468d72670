namespace GanNotebooks.Data;

/// <summary>
/// Constants of the IDX file format used by MNIST and Fashion-MNIST: big-endian 32-bit header fields, then
/// unsigned bytes. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class IdxFormat
{
    /// <summary>Magic number of an IDX image file: unsigned bytes, three dimensions (count × rows × cols).</summary>
    public const int ImageMagic = 0x00000803;

    /// <summary>
    /// Magic number of a four-dimensional IDX image file: unsigned bytes, count × channels × rows × cols (e.g.
    /// colour samples, <c>samples.idx4-ubyte</c>). Introduced in notebook 09-mode-collapse-benchmark.
    /// </summary>
    public const int ChannelImageMagic = 0x00000804;

    /// <summary>Magic number of an IDX label file: unsigned bytes, one dimension (count).</summary>
    public const int LabelMagic = 0x00000801;

    /// <summary>The largest number of rows or columns the reader accepts.</summary>
    public const int MaxSide = 4096;

    /// <summary>The largest number of items (images or labels) the reader accepts.</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>The largest pixel payload the reader accepts (the largest .NET byte array).</summary>
    public const long MaxPixelBytes = 2_147_483_591;

    /// <summary>Size in bytes of an image file's header (magic, count, rows, cols).</summary>
    public const int ImageHeaderSize = 16;

    /// <summary>Size in bytes of a four-dimensional image file's header (magic, count, channels, rows, cols). Introduced in notebook 09-mode-collapse-benchmark.</summary>
    public const int ChannelImageHeaderSize = 20;

    /// <summary>The largest number of channels the reader accepts in a four-dimensional image file. Introduced in notebook 09-mode-collapse-benchmark.</summary>
    public const int MaxChannels = 64;

    /// <summary>Size in bytes of a label file's header (magic, count).</summary>
    public const int LabelHeaderSize = 8;

    /// <summary>The hint appended to every error about a data file.</summary>
    public const string RefetchHint = "delete it and run ./gan data fetch mnist (or fashion-mnist)";

    /// <summary>
    /// The hint appended to every error about a four-dimensional image file, which the kit only writes for
    /// generated samples. Introduced in notebook 09-mode-collapse-benchmark.
    /// </summary>
    public const string ReexportHint = "delete it and export the samples again (SampleExport.WriteChannelImages)";
}
