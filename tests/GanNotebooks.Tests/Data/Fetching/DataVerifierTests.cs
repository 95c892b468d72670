using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Tests.Data.Fetching;

public class DataVerifierTests
{
    [Fact]
    public void Reports_missing_canonical_and_tampered_files()
    {
        using var temp = new TempFolder();
        var fake = new FakeDataSet(12, 12);
        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        Assert.True(DataVerifier.Verify(DataSetName.Mnist, temp.Path, fake.Catalog()).Absent);

        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in fake.Files)
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        Assert.True(DataVerifier.Verify(DataSetName.Mnist, temp.Path, fake.Catalog()).Ok);

        IdxWriter.WriteLabels(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), new byte[12]);
        var report = DataVerifier.Verify(DataSetName.Mnist, temp.Path, fake.Catalog());

        Assert.False(report.Ok);
        var bad = Assert.Single(report.Files, f => !f.Ok);
        Assert.Equal("t10k-labels-idx1-ubyte.gz", bad.FileName);
        Assert.Contains("matches neither", bad.Detail);
    }

    [Fact]
    public void A_subset_is_checked_against_SOURCE_json()
    {
        using var temp = new TempFolder();
        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        var digits = Enumerable.Range(0, 10).Select(d => (IReadOnlyList<byte[]>)Enumerable.Range(0, 101).Select(_ => new byte[784]).ToArray()).ToArray();
        NpmMnistFallback.Convert(digits, folder, "test digits");

        Assert.True(DataVerifier.Verify(DataSetName.Mnist, temp.Path).Ok);

        File.AppendAllText(Path.Combine(folder, "train-images-idx3-ubyte.gz"), "x");
        Assert.False(DataVerifier.Verify(DataSetName.Mnist, temp.Path).Ok);
    }
}
