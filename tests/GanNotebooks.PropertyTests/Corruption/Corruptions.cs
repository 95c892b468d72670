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

    private static readonly Gen<string> JsonValues = Gen.Elements(
        "null", "0", "-1", "1e309", "true", "\"\"", "\"20m\"", "\"x\"", "[]", "[null]", "{}", "{\"a\":[1]}", "\"// HIDDEN TESTS\"");

    /// <summary>
    /// As <see cref="Arbitrary"/>, and more than half of the edits keep a JSON file's syntax valid but put a value of
    /// another kind at a random place (<see cref="JsonValueReplacement"/>) or write a member twice
    /// (<see cref="JsonMemberDuplication"/>): what a reader of JSON must survive besides broken syntax.
    /// </summary>
    public static Arbitrary<ByteEdit[]> WithJsonValueReplacements { get; } =
        Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Frequency(
            (4, Edits),
            (4, Gen.Choose(0, 100_000).SelectMany(place => JsonValues.Select(json => (ByteEdit)new JsonValueReplacement(place, json)))),
            (1, Gen.Choose(0, 100_000).Select(place => (ByteEdit)new JsonMemberDuplication(place)))), n)).ToArbitrary();

    /// <summary>
    /// As <see cref="Arbitrary"/>, and a third of the edits write a wrong value into one of <paramref name="fields"/>
    /// (little-endian integers of 4 or 8 bytes at fixed offsets, e.g. a header's length fields): the true value
    /// plus or minus a little, zero, negative, or anything.
    /// </summary>
    public static Arbitrary<ByteEdit[]> WithWrongFields(byte[] original, params (int Offset, int Width)[] fields)
    {
        var wrongFields = Gen.Elements(fields).SelectMany(field => WrongValues(original, field).Select(bytes =>
            (ByteEdit)new ByteEdit.Overwrite(new ByteEdit.Spot(0, field.Offset), bytes)));
        var edits = Gen.Frequency((2, Edits), (1, wrongFields));
        return Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(edits, n)).ToArbitrary();
    }

    private static Gen<byte[]> WrongValues(byte[] original, (int Offset, int Width) field)
    {
        long value = field.Width == 4
            ? System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(field.Offset))
            : System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(original.AsSpan(field.Offset));
        var wrong = Gen.OneOf(
            Gen.Choose(-64, 64).Where(d => d != 0).Select(d => value + d),
            Gen.Constant(0L),
            Gen.Choose(int.MinValue, -1).Select(v => (long)v),
            Gen.Choose(int.MinValue, int.MaxValue).Select(v => (long)v * (field.Width == 8 ? 65_537L : 1L)));
        return wrong.Select(v =>
        {
            var bytes = new byte[field.Width];
            if (field.Width == 4) System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, (int)v);
            else System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, v);
            return bytes;
        });
    }

    /// <summary>The file after every edit.</summary>
    public static byte[] Apply(byte[] original, IEnumerable<ByteEdit> edits) =>
        edits.Aggregate(original, (bytes, edit) => edit.Apply(bytes));
}
