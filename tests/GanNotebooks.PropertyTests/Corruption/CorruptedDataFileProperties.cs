using FsCheck;
using FsCheck.Fluent;
using GanNotebooks.Data;
using GanNotebooks.Tests.Data;
using GanNotebooks.Tests.Fixtures;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// Property: a reader given a randomly corrupted copy of a real file (flipped bytes, random bytes, truncation,
/// inserted or deleted bytes) returns exactly the original content or throws <see cref="DataFileException"/> naming
/// the file; never another exception, a hang, or allocations far above what the intact file needs. Formats without
/// a checksum (raw IDX, uncompressed .mat) cannot tell changed values from real ones: there the reader must return
/// exactly what the corrupted bytes hold (decoded independently) and reject exactly the files that are not valid.
/// Fixed seeds: a failure repeats on every run and prints the edits that caused it.
/// </summary>
public sealed class CorruptedDataFileProperties(ITestOutputHelper output) : IDisposable
{
    private const int Cases = 1000;
    private readonly TempFolder _folder = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

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

    /// <summary>
    /// Checks the property on <see cref="Cases"/> corrupted copies of the file <paramref name="write"/> makes;
    /// <paramref name="expect"/> says, from the original content and the corrupted bytes, what the reader may do.
    /// </summary>
    private void Holds<T>(string name, Action<string> write, Func<string, T> read, Func<T, T, bool> same, ulong seed,
        Func<T, byte[], Expectation<T>> expect) where T : class
    {
        var source = _folder.File("source", name);
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        write(source);
        var original = File.ReadAllBytes(source);
        var expected = read(source);
        var baseline = BoundedRead<T>.Run(() => read(source)).AllocatedBytes;
        var allocationLimit = 2 * baseline + (1 << 20);
        var path = CopyInto("corrupted", name, original);
        int cases = 0, rejected = 0, intact = 0, changed = 0;
        var property = Prop.ForAll(Corruptions.Arbitrary, edits =>
        {
            cases++;
            var corrupted = Corruptions.Apply(original, edits);
            File.WriteAllBytes(path, corrupted);
            var outcome = BoundedRead<T>.Run(() => read(path));
            var allowed = expect(expected, corrupted);
            var described = string.Join(", ", edits.Select(e => e.ToString()));
            if (outcome.AllocatedBytes > allocationLimit)
                return false.Label($"allocated {outcome.AllocatedBytes:N0} bytes (limit {allocationLimit:N0}) after: {described}");
            if (outcome.Error is DataFileException e)
            {
                rejected++;
                return (allowed.MayBeRejected && e.Message.Contains(path, StringComparison.Ordinal))
                    .Label($"rejected a valid file, or without naming it ({e.Message}), after: {described}");
            }
            if (outcome.Error is { } other)
                return false.Label($"{other.GetType().Name} ({other.Message}) after: {described}\n{other}");
            if (same(expected, outcome.Result!)) intact++; else changed++;
            return (allowed.Content is { } content && same(content, outcome.Result!))
                .Label($"returned {(allowed.Content is null ? "content from a file it must reject" : "content other than the bytes hold")} after: {described}");
        });
        FsCheck.Check.One(Seeded(seed), property);
        output.WriteLine($"{name}: {cases} corrupted copies (seed {seed}) in {_clock.Elapsed.TotalSeconds:0.0} s: {rejected} rejected with "
            + $"DataFileException, {intact} read as the original, {changed} read as the changed values their bytes hold; "
            + $"allocation limit {allocationLimit:N0} bytes.");
        Assert.Equal(Cases, cases);
    }

    private static Config Seeded(ulong seed) => Config.QuickThrowOnFailure
        .WithMaxTest(Cases)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    private string CopyInto(string folder, string name, byte[] bytes)
    {
        var path = _folder.File(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

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

    private static bool SameBytes(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);
}
