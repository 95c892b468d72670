using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;
using GanNotebooks.Diagnostics;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class DataSetsCheckTests
{
    private static void WriteSubset(string dataRoot)
    {
        var digits = Enumerable.Range(0, 10).Select(d => (IReadOnlyList<byte[]>)Enumerable.Range(0, 101).Select(_ => new byte[784]).ToArray()).ToArray();
        NpmMnistFallback.Convert(digits, DataSets.FolderOf(DataSetName.Mnist, dataRoot), "test digits");
    }

    private static DataSetsCheck Check(string dataRoot) => new([DataSetName.Mnist], name => DataVerifier.Verify(name, dataRoot));

    [Fact]
    public void Passes_on_verified_data_and_says_when_it_is_a_subset()
    {
        using var temp = new TempFolder();
        WriteSubset(temp.Path);
        var result = Check(temp.Path).Run();
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("MNIST (SUBSET", result.Finding);
    }

    [Fact]
    public void Warns_when_a_data_set_is_not_fetched()
    {
        using var temp = new TempFolder();
        var result = Check(temp.Path).Run();
        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("Not fetched: mnist", result.Finding);
        Assert.Contains("./gan data fetch all", result.Fix);
    }

    [Fact]
    public void Fails_on_a_damaged_file_and_names_it()
    {
        using var temp = new TempFolder();
        WriteSubset(temp.Path);
        File.AppendAllText(Path.Combine(DataSets.FolderOf(DataSetName.Mnist, temp.Path), "t10k-labels-idx1-ubyte.gz"), "x");
        var result = Check(temp.Path).Run();
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("t10k-labels-idx1-ubyte.gz", result.Finding);
        Assert.Contains("./gan data fetch mnist", result.Fix);
    }
}
