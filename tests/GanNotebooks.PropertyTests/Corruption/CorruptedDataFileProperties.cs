using GanNotebooks.Data;
using GanNotebooks.Tests.Data;
using GanNotebooks.Tests.Fixtures;
using Xunit.Abstractions;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// Property: a reader given a randomly corrupted copy of a real file (flipped bytes, random bytes, truncation,
/// inserted or deleted bytes) returns exactly the original content or throws <see cref="DataFileException"/> naming
/// the file; never another exception, a hang, or allocations far above what the intact file needs. Formats without
/// a checksum (raw IDX, uncompressed .mat) cannot tell changed values from real ones: there the reader must return
/// exactly what the corrupted bytes hold (decoded independently) and reject exactly the files that are not valid.
/// Four-dimensional IDX files (several channels, as the kit exports generated colour samples) are held to the same.
/// Fixed seeds: a failure repeats on every run and prints the edits that caused it (<see cref="CorruptionProperty"/>).
/// </summary>
public sealed class CorruptedDataFileProperties(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Gzip_idx_images_read_as_the_original_or_are_rejected() =>
        Holds("images.gz", path => IdxWriter.WriteImages(path, DigitLikePixels(), 20, 28, 28), IdxReader.ReadImages, SameImages, seed: 11,
            (original, _) => Expectation<IdxImages>.OriginalOrRejected(original));

    [Fact]
    public void Gzip_idx_labels_read_as_the_original_or_are_rejected() =>
        Holds("labels.gz", path => IdxWriter.WriteLabels(path, Labels()), IdxReader.ReadLabels, SameBytes, seed: 12,
            (original, _) => Expectation<byte[]>.OriginalOrRejected(original));

    [Fact]
    public void Raw_idx_images_read_as_exactly_what_their_bytes_hold_or_are_rejected() =>
        Holds("images.idx3-ubyte", path => IdxWriter.WriteImages(path, DigitLikePixels(), 20, 28, 28), IdxReader.ReadImages, SameImages, seed: 13,
            (_, corrupted) => Expectation<IdxImages>.Exactly(RawIdx.DecodeImages(corrupted)));

    [Fact]
    public void Raw_idx_labels_read_as_exactly_what_their_bytes_hold_or_are_rejected() =>
        Holds("labels.idx1-ubyte", path => IdxWriter.WriteLabels(path, Labels()), IdxReader.ReadLabels, SameBytes, seed: 14,
            (_, corrupted) => Expectation<byte[]>.Exactly(RawIdx.DecodeLabels(corrupted)));

    [Fact]
    public void Gzip_idx4_channel_images_read_as_the_original_or_are_rejected() =>
        Holds("samples.idx4-ubyte.gz", path => IdxWriter.WriteChannelImages(path, ChannelImages()), IdxReader.ReadChannelImages, SameChannelImages, seed: 17,
            (original, _) => Expectation<IdxChannelImages>.OriginalOrRejected(original));

    [Fact]
    public void Raw_idx4_channel_images_read_as_exactly_what_their_bytes_hold_or_are_rejected() =>
        Holds("samples.idx4-ubyte", path => IdxWriter.WriteChannelImages(path, ChannelImages()), IdxReader.ReadChannelImages, SameChannelImages, seed: 18,
            (_, corrupted) => Expectation<IdxChannelImages>.Exactly(RawIdx.DecodeChannelImages(corrupted)));

    [Fact]
    public void Compressed_svhn_mat_files_load_as_the_original_or_are_rejected() =>
        Holds(SvhnFiles.FileName(DataSplit.Train), path => File.Copy(FixturePaths.Of("mat", "svhn-like-compressed.mat"), path),
            path => SvhnContent.Load(Path.GetDirectoryName(path)!), (a, b) => a.SameAs(b), seed: 15,
            (original, _) => Expectation<SvhnContent>.OriginalOrRejected(original));

    [Fact]
    public void Uncompressed_svhn_mat_files_load_as_exactly_what_their_bytes_hold_or_are_rejected() =>
        Holds(SvhnFiles.FileName(DataSplit.Train), path => File.Copy(FixturePaths.Of("mat", "svhn-like.mat"), path),
            path => SvhnContent.Load(Path.GetDirectoryName(path)!), (a, b) => a.SameAs(b), seed: 16,
            (_, corrupted) => PlainMatDecoder.Decode(corrupted).Content is { } content
                ? new Expectation<SvhnContent>(content, MayBeRejected: false)
                : new Expectation<SvhnContent>(null, MayBeRejected: true));

    private static readonly CorruptionProperty Property = CorruptionProperty.Rejecting(typeof(DataFileException));

    private void Holds<T>(string name, Action<string> write, Func<string, T> read, Func<T, T, bool> same, ulong seed,
        Func<T, byte[], Expectation<T>> expect) where T : class =>
        Property.Holds(output, _folder, name, write, read, same, seed, expect);

    // 20 images of 28×28: a dark border around a textured middle, like MNIST digits (and as compressible).
    private static byte[] DigitLikePixels()
    {
        var pixels = new byte[20 * 784];
        for (int i = 0; i < pixels.Length; i++)
        {
            int p = i % 784, row = p / 28, column = p % 28;
            pixels[i] = row is > 4 and < 24 && column is > 6 and < 22 ? (byte)((i * 7 + i / 784) % 256) : (byte)0;
        }
        return pixels;
    }

    private static byte[] Labels() => Enumerable.Range(0, 300).Select(i => (byte)(i * 7 % 10)).ToArray();

    private static bool SameImages(IdxImages a, IdxImages b) =>
        a.Count == b.Count && a.Rows == b.Rows && a.Columns == b.Columns && a.Pixels.AsSpan().SequenceEqual(b.Pixels);

    // 12 colour images of 3×16×16, as the kit exports generated samples.
    private static IdxChannelImages ChannelImages()
    {
        var pixels = new byte[12 * 3 * 16 * 16];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 13 % 251);
        return new IdxChannelImages(pixels, 12, 3, 16, 16);
    }

    private static bool SameChannelImages(IdxChannelImages a, IdxChannelImages b) =>
        a.Count == b.Count && a.Channels == b.Channels && a.Rows == b.Rows && a.Columns == b.Columns && a.Pixels.AsSpan().SequenceEqual(b.Pixels);

    private static bool SameBytes(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);
}
