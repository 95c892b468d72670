using GanNotebooks.Data;
using GanNotebooks.Data.Mat;
using GanNotebooks.Tests.Fixtures;

namespace GanNotebooks.Tests.Data.Mat;

public sealed class MatV5ReaderTests
{
    public static TheoryData<string> Fixtures() => new() { "svhn-like.mat", "svhn-like-compressed.mat" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reads_arrays_written_by_SciPy_in_column_major_order(string file)
    {
        var arrays = new MatV5Reader(FixturePaths.Of("mat", file)).Read();
        var x = arrays["X"];
        Assert.Equal([32, 32, 3, 6], x.Dimensions);
        Assert.Equal("uint8", x.ClassName);
        Assert.NotNull(x.Bytes);
        for (int n = 0; n < 6; n++)
            for (int ch = 0; ch < 3; ch++)
                for (int c = 0; c < 32; c += 5)
                    for (int r = 0; r < 32; r += 3)
                        Assert.Equal((r + 2 * c + 50 * ch + 7 * n) % 256, x.Bytes![r + 32 * c + 1024 * ch + 3072 * n]);
        var y = arrays["y"];
        Assert.Equal([6, 1], y.Dimensions);
        Assert.Equal([1.0, 2, 3, 10, 5, 6], y.Values!);
        Assert.False(arrays.ContainsKey("meta"));   // a struct: skipped
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Only_the_named_arrays_are_read(string file)
    {
        var arrays = new MatV5Reader(FixturePaths.Of("mat", file)).Read(new HashSet<string> { "y" });
        Assert.Equal(["y"], arrays.Keys);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_truncation_is_rejected_naming_the_file(string file)
    {
        var bytes = File.ReadAllBytes(FixturePaths.Of("mat", file));
        using var folder = new TempFolder();
        var path = folder.File("cut.mat");
        foreach (var length in Enumerable.Range(0, 40).Select(i => (int)((long)bytes.Length * i / 40)).Append(bytes.Length - 1).Distinct())
        {
            File.WriteAllBytes(path, bytes[..length]);
            var error = Assert.Throws<DataFileException>(() => new MatV5Reader(path).Read(new HashSet<string> { "X", "y" }).Single(a => a.Key == "y"));
            Assert.Contains(path, error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Random_byte_damage_never_escapes_as_another_exception(string file)
    {
        var bytes = File.ReadAllBytes(FixturePaths.Of("mat", file));
        using var folder = new TempFolder();
        var path = folder.File("damaged.mat");
        var random = new Random(5);
        for (int trial = 0; trial < 500; trial++)
        {
            var copy = (byte[])bytes.Clone();
            copy[128 + random.Next(copy.Length - 128)] ^= (byte)(1 + random.Next(255));
            File.WriteAllBytes(path, copy);
            try
            {
                new MatV5Reader(path).Read();
            }
            catch (DataFileException)
            {
            }
        }
    }

    [Fact]
    public void Damage_inside_compressed_values_that_still_inflates_is_rejected()
    {
        var bytes = File.ReadAllBytes(FixturePaths.Of("mat", "svhn-like-compressed.mat"));
        Assert.Equal(15, BitConverter.ToInt32(bytes, 128));     // the first element is compressed and holds X
        Assert.Equal(905, BitConverter.ToInt32(bytes, 132));    // its zlib stream: bytes 136 to 1040
        new byte[] { 0xE7, 0xB2, 0xC9 }.CopyTo(bytes, 795);     // found by the corruption property: X still inflates, to other values and more of them
        using var folder = new TempFolder();
        var path = folder.File("damaged-values.mat");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<DataFileException>(() => new MatV5Reader(path).Read(new HashSet<string> { "X", "y" }));

        Assert.Contains(path, error.Message);
        Assert.Contains("the compressed element at offset 128", error.Message);
    }

    [Fact]
    public void Impossible_dimensions_are_rejected_before_allocating()
    {
        var bytes = File.ReadAllBytes(FixturePaths.Of("mat", "svhn-like.mat"));
        using var folder = new TempFolder();
        var path = folder.File("huge.mat");
        int at = IndexOf(bytes, [32, 0, 0, 0, 32, 0, 0, 0, 3, 0, 0, 0, 6, 0, 0, 0]);
        BitConverter.GetBytes(2_000_000_000).CopyTo(bytes, at + 12);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<DataFileException>(() => new MatV5Reader(path).Read());
        Assert.Contains("'X'", error.Message);
    }

    [Fact]
    public void Other_files_are_refused_with_the_reason()
    {
        using var folder = new TempFolder();
        var path = folder.File("not.mat");
        File.WriteAllText(path, new string('x', 300));
        Assert.Contains("not a MATLAB v5", Assert.Throws<DataFileException>(() => new MatV5Reader(path).Read()).Message);
        Assert.Contains("does not exist", Assert.Throws<DataFileException>(() => new MatV5Reader(folder.File("missing.mat")).Read()).Message);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        throw new InvalidOperationException("pattern not found");
    }
}
