using GanNotebooks.Data.ImageFolders;
using GanNotebooks.Tests.Fixtures;

namespace GanNotebooks.Tests.Data.ImageFolders;

public sealed class ImageFolderTests
{
    private static float[] Pixel(ImageFolderData data, string file, int x, int y)
    {
        int i = data.Files.Select(Path.GetFileName).ToList().IndexOf(file);
        Assert.True(i >= 0, $"{file} was not loaded");
        return Enumerable.Range(0, (int)data.Images.shape[1]).Select(c => data.Images[i, c, y, x].item<float>()).ToArray();
    }

    private static float Byte(int value) => value / 127.5f - 1f;

    [Fact]
    public void Reads_every_mode_of_picture_written_by_another_tool()
    {
        using var data = ImageFolder.Load(FixturePaths.Of("images", "good"), new ImageFolderOptions { Size = 16 });
        Assert.Equal(7, data.Count);
        Assert.Empty(data.Skipped);
        Assert.Equal(new long[] { 7, 3, 16, 16 }, data.Images.shape);
        Assert.True(data.Images.min().item<float>() >= -1 && data.Images.max().item<float>() <= 1);
        Assert.Equal([Byte(0), Byte(200), Byte(0)], Pixel(data, "portrait-green.png", 8, 8), new ToleranceComparer(0.02f));
        Assert.Equal([Byte(255), Byte(255), Byte(0)], Pixel(data, "yellow-cmyk.jpg", 8, 8), new ToleranceComparer(0.08f));   // CMYK → RGB
        Assert.Equal([Byte(128), Byte(64), Byte(32)], Pixel(data, "brown-16bit.png", 8, 8), new ToleranceComparer(0.02f));
        // Half-transparent red over black: half-bright red.
        Assert.Equal([Byte(128), Byte(0), Byte(0)], Pixel(data, "alpha-red.png", 8, 8), new ToleranceComparer(0.03f));
        // Palette image: black left half, white right half (before centre crop; it is square).
        Assert.Equal(-1f, Pixel(data, "palette.png", 2, 8)[0], 0.05f);
        Assert.Equal(1f, Pixel(data, "palette.png", 13, 8)[0], 0.05f);
    }

    [Fact]
    public void A_landscape_picture_is_centre_cropped()
    {
        using var data = ImageFolder.Load(FixturePaths.Of("images", "good"), new ImageFolderOptions { Size = 8 });
        // The 40×30 red→blue gradient runs top to bottom; the centre crop keeps all rows, so the top is red.
        var top = Pixel(data, "landscape-rgb.jpg", 4, 0);
        var bottom = Pixel(data, "landscape-rgb.jpg", 4, 7);
        Assert.True(top[0] > top[2] && bottom[2] > bottom[0], $"top {string.Join(",", top)}, bottom {string.Join(",", bottom)}");
    }

    [Fact]
    public void Broken_files_are_skipped_with_their_reason()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(FixturePaths.Of("images", "bad")).Append(FixturePaths.Of("images", "good", "plasma.jpg")))
            File.Copy(file, folder.File(Path.GetFileName(file)));
        using var data = ImageFolder.Load(folder.Path, new ImageFolderOptions { Size = 8 });
        Assert.Equal(["plasma.jpg"], data.Files.Select(Path.GetFileName));
        var reasons = data.Skipped.ToDictionary(s => Path.GetFileName(s.Path), s => s.Reason);
        Assert.Equal("empty file", reasons["zero-bytes.jpg"]);
        Assert.Contains("not a picture", reasons["notes.jpg"]);
        Assert.Contains("truncated", reasons["truncated.jpg"]);
        Assert.Contains("3 files skipped", data.ToString());
    }

    [Fact]
    public void Limits_are_checked_before_decoding()
    {
        using var data = ImageFolder.Load(FixturePaths.Of("images", "good"), new ImageFolderOptions { Size = 8, MaxSide = 35, MaxFileBytes = 1_000 });
        var reasons = data.Skipped.ToDictionary(s => Path.GetFileName(s.Path), s => s.Reason);
        Assert.Contains("outside 1..35", reasons["landscape-rgb.jpg"]);
        Assert.Contains("more than the 1,000 allowed", reasons["plasma.jpg"]);
    }

    [Fact]
    public void Grey_output_and_a_limit_on_the_count()
    {
        using var data = ImageFolder.Load(FixturePaths.Of("images", "good"), new ImageFolderOptions { Size = 8, Channels = 1, Limit = 2 });
        Assert.Equal(new long[] { 2, 1, 8, 8 }, data.Images.shape);
    }

    [Fact]
    public void A_folder_without_pictures_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("notes.jpg"), "no");
        var error = Assert.Throws<InvalidDataException>(() => ImageFolder.Load(folder.Path));
        Assert.Contains(folder.Path, error.Message);
        Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Load(folder.File("missing")));
        Assert.Contains("Size", Assert.Throws<ArgumentException>(() => ImageFolder.Load(folder.Path, new ImageFolderOptions { Size = 0 })).Message);
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(float value) => 0;
    }
}
