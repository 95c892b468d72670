using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;
using GanNotebooks.Tests.Fixtures;

namespace GanNotebooks.Tests.Data;

public sealed class SvhnFilesTests
{
    private static TempFolder DataRootWith(string fixture)
    {
        var root = new TempFolder();
        Directory.CreateDirectory(root.File("svhn"));
        File.Copy(FixturePaths.Of("mat", fixture), root.File("svhn", SvhnFiles.FileName(DataSplit.Train)));
        return root;
    }

    [Theory]
    [InlineData("svhn-like.mat")]
    [InlineData("svhn-like-compressed.mat")]
    public void Loads_colour_images_in_channel_row_column_order_with_digit_labels(string fixture)
    {
        using var root = DataRootWith(fixture);
        using var set = DataSets.Load(DataSetName.Svhn, DataSplit.Train, root.Path);
        Assert.Equal(new long[] { 6, 3, 32, 32 }, set.Images.shape);
        Assert.Equal([1L, 2, 3, 0, 5, 6], set.Labels.data<long>().ToArray());   // SVHN's 10 is the digit 0
        foreach (var (n, ch, r, c) in new[] { (0, 0, 0, 0), (1, 2, 5, 17), (5, 1, 31, 3), (3, 0, 10, 31) })
        {
            float expected = (r + 2 * c + 50 * ch + 7 * n) % 256 / 127.5f - 1f;
            Assert.Equal(expected, set.Images[n, ch, r, c].item<float>(), 5);
        }
        Assert.Equal([1, 1, 1, 1, 0, 1, 1, 0, 0, 0], set.ClassCounts());
        Assert.Equal([1, 1, 1, 1, 0, 1, 1, 0, 0, 0], DataSets.ClassCountsOf(DataSetName.Svhn, DataSplit.Train, root.Path));
    }

    [Fact]
    public void A_file_without_images_is_refused_naming_what_is_missing()
    {
        using var root = new TempFolder();
        Directory.CreateDirectory(root.File("svhn"));
        File.Copy(FixturePaths.Of("mat", "labels-only.mat"), root.File("svhn", SvhnFiles.FileName(DataSplit.Train)));
        var error = Assert.Throws<DataFileException>(() => DataSets.Load(DataSetName.Svhn, DataSplit.Train, root.Path));
        Assert.Contains("no array 'X'", error.Message);
    }

    [Fact]
    public void A_missing_file_names_the_fetch_command()
    {
        using var root = new TempFolder();
        var error = Assert.Throws<DataSetNotFoundException>(() => DataSets.Load(DataSetName.Svhn, DataSplit.Test, root.Path));
        Assert.Contains("svhn", error.Message);
    }

    [Fact]
    public void A_non_canonical_file_fails_verification_with_the_checksum()
    {
        using var root = DataRootWith("svhn-like.mat");
        var report = DataVerifier.Verify(DataSetName.Svhn, root.Path);
        Assert.False(report.Ok);
        Assert.Contains("435e94d6", report.Files.Single(f => f.FileName == "train_32x32.mat").Detail);
    }

    [Fact]
    public void Svhn_is_known_but_not_fetched_by_default()
    {
        Assert.Equal(DataSetName.Svhn, DataSetNames.Parse("SVHN"));
        Assert.DoesNotContain(DataSetName.Svhn, DataSetNames.All);
        Assert.Contains(DataSetName.Svhn, DataSetNames.Known);
    }
}
