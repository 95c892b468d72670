namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// One change to a file's bytes, placed relative to the file's length so that the same edit fits any file: a spot
/// counted from the start, from the end, or as a fraction of the length.
/// </summary>
public abstract record ByteEdit
{
    /// <summary>The edited copy (the input is not changed).</summary>
    public abstract byte[] Apply(byte[] bytes);

    /// <summary>Where an edit lands.</summary>
    /// <param name="Anchor">0: <paramref name="Value"/> bytes from the start; 1: from the end; 2: <paramref name="Value"/> millionths of the length.</param>
    public sealed record Spot(int Anchor, int Value)
    {
        public int In(int length) => length == 0 ? 0 : Anchor switch
        {
            0 => Math.Min(Value, length - 1),
            1 => Math.Max(0, length - 1 - Value),
            _ => (int)((long)Value * length / 1_000_000),
        };

        public override string ToString() => Anchor switch { 0 => $"start+{Value}", 1 => $"end-{Value}", _ => $"{Value / 10_000.0:0.####}%" };
    }

    /// <summary>XORs one byte with a non-zero mask.</summary>
    public sealed record FlipBits(Spot At, byte Mask) : ByteEdit
    {
        public override byte[] Apply(byte[] bytes)
        {
            var copy = (byte[])bytes.Clone();
            if (copy.Length > 0) copy[At.In(copy.Length)] ^= Mask;
            return copy;
        }
    }

    /// <summary>Writes <paramref name="Bytes"/> over the file from a spot on (cut at the end of the file).</summary>
    public sealed record Overwrite(Spot At, byte[] Bytes) : ByteEdit
    {
        public override byte[] Apply(byte[] bytes)
        {
            var copy = (byte[])bytes.Clone();
            var at = At.In(copy.Length);
            Bytes.AsSpan(0, Math.Min(Bytes.Length, Math.Max(0, copy.Length - at))).CopyTo(copy.AsSpan(at));
            return copy;
        }

        public override string ToString() => $"Overwrite {{ At = {At}, Bytes = {Convert.ToHexString(Bytes)} }}";
    }

    /// <summary>Keeps only the bytes before a spot.</summary>
    public sealed record Truncate(Spot At) : ByteEdit
    {
        public override byte[] Apply(byte[] bytes) => bytes[..At.In(bytes.Length)];
    }

    /// <summary>Inserts <paramref name="Bytes"/> before a spot.</summary>
    public sealed record Insert(Spot At, byte[] Bytes) : ByteEdit
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = At.In(bytes.Length);
            return [.. bytes.AsSpan(0, at), .. Bytes, .. bytes.AsSpan(at)];
        }

        public override string ToString() => $"Insert {{ At = {At}, Bytes = {Convert.ToHexString(Bytes)} }}";
    }

    /// <summary>Removes <paramref name="Count"/> bytes from a spot on.</summary>
    public sealed record Delete(Spot At, int Count) : ByteEdit
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = At.In(bytes.Length);
            var count = Math.Min(Count, bytes.Length - at);
            return [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + count)];
        }
    }
}
