using GanNotebooks.Data;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// An SVHN split as the kit loads it, back in bytes: pixels in [N, channel, row, column] order (0..255) and labels
/// 0..9. Also decodes the values of an uncompressed .mat file straight from its bytes, for the expected content.
/// </summary>
public sealed record SvhnContent(int Count, byte[] Pixels, byte[] Labels)
{
    /// <summary>Loads <c>train_32x32.mat</c> from <paramref name="folder"/> with <see cref="SvhnFiles.Load"/>.</summary>
    public static SvhnContent Load(string folder)
    {
        using var set = SvhnFiles.Load(folder, DataSplit.Train, ("test fixture", false));
        var scaled = set.Images.data<float>().ToArray();
        var pixels = scaled.Select(v => (byte)Math.Round((v + 1f) * 127.5f)).ToArray();   // the loader maps b to b / 127.5 - 1
        return new SvhnContent(set.Count, pixels, set.Labels.data<long>().Select(l => (byte)l).ToArray());
    }

    /// <summary>
    /// The content of MATLAB's column-major uint8 X [32, 32, 3, N] and double y [N, 1] given their raw value bytes,
    /// or null when a label is not a whole number 1..10 (SVHN writes the digit 0 as 10).
    /// </summary>
    public static SvhnContent? FromValues(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        int count = x.Length / 3072;
        var pixels = new byte[x.Length];
        for (int n = 0; n < count; n++)
            for (int channel = 0; channel < 3; channel++)
                for (int column = 0; column < 32; column++)
                    for (int row = 0; row < 32; row++)
                        pixels[n * 3072 + channel * 1024 + row * 32 + column] = x[row + 32 * column + 1024 * channel + 3072 * n];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            double label = BitConverter.ToDouble(y[(i * 8)..]);
            if (label is < 1 or > 10 || label != Math.Floor(label)) return null;
            labels[i] = (byte)(label % 10);
        }
        return new SvhnContent(count, pixels, labels);
    }

    public bool SameAs(SvhnContent other) =>
        Count == other.Count && Pixels.AsSpan().SequenceEqual(other.Pixels) && Labels.AsSpan().SequenceEqual(other.Labels);
}
