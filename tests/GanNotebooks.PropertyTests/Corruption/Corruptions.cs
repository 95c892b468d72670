using FsCheck;
using FsCheck.Fluent;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>FsCheck generators of one to four <see cref="ByteEdit"/>s: byte flips, random bytes, truncation, insertion, deletion.</summary>
public static class Corruptions
{
    // Half of the spots fall in the first or last 64 bytes, where headers and trailers are; the rest anywhere.
    private static readonly Gen<ByteEdit.Spot> Spots = Gen.OneOf(
        Gen.Choose(0, 63).Select(v => new ByteEdit.Spot(0, v)),
        Gen.Choose(0, 63).Select(v => new ByteEdit.Spot(1, v)),
        Gen.Choose(0, 999_999).Select(v => new ByteEdit.Spot(2, v)),
        Gen.Choose(0, 999_999).Select(v => new ByteEdit.Spot(2, v)));

    private static readonly Gen<byte[]> SomeBytes =
        Gen.Choose(1, 16).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    private static readonly Gen<ByteEdit> Edits = Gen.OneOf(
        Spots.SelectMany(at => Gen.Choose(1, 255).Select(mask => (ByteEdit)new ByteEdit.FlipBits(at, (byte)mask))),
        Spots.SelectMany(at => Gen.Choose(1, 255).Select(mask => (ByteEdit)new ByteEdit.FlipBits(at, (byte)mask))),
        Spots.SelectMany(at => SomeBytes.Select(bytes => (ByteEdit)new ByteEdit.Overwrite(at, bytes))),
        Spots.Select(at => (ByteEdit)new ByteEdit.Truncate(at)),
        Spots.SelectMany(at => SomeBytes.Select(bytes => (ByteEdit)new ByteEdit.Insert(at, bytes))),
        Spots.SelectMany(at => Gen.Choose(1, 64).Select(count => (ByteEdit)new ByteEdit.Delete(at, count))));

    /// <summary>One to four edits, applied in order.</summary>
    public static Arbitrary<ByteEdit[]> Arbitrary { get; } =
        Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Edits, n)).ToArbitrary();

    /// <summary>The file after every edit.</summary>
    public static byte[] Apply(byte[] original, IEnumerable<ByteEdit> edits) =>
        edits.Aggregate(original, (bytes, edit) => edit.Apply(bytes));
}
