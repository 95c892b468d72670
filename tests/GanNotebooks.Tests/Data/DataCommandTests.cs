using GanNotebooks.Cli.Commands;
using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Tests.Data;

public class DataCommandTests
{
    [Fact]
    public void Selection_defaults_to_all_and_rejects_unknown_names()
    {
        Assert.Equal(DataSetNames.All, DataCommand.ParseSelection(null));
        Assert.Equal(DataSetNames.All, DataCommand.ParseSelection("ALL"));
        Assert.Equal([DataSetName.FashionMnist], DataCommand.ParseSelection("fashion-mnist"));
        Assert.Throws<ArgumentException>(() => DataCommand.ParseSelection("cifar"));
    }

    [Fact]
    public void Has_fetch_verify_info_and_the_celeba_import()
    {
        Assert.Equal(["fetch", "verify", "info", "import-celeba"], DataCommand.Create().Subcommands.Select(c => c.Name));
    }

    [Fact]
    public async Task Unknown_set_exits_non_zero_with_a_message()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.NotEqual(0, await DataFetchRunner.RunAsync("cifar", true, output, error, CancellationToken.None));
        Assert.Contains("Unknown data set 'cifar'", error.ToString());
    }

    [Fact]
    public void Verify_and_info_report_a_subset_and_a_damaged_file()
    {
        using var temp = new TempFolder();
        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        var digits = Enumerable.Range(0, 10).Select(d => (IReadOnlyList<byte[]>)Enumerable.Range(0, 101).Select(_ => new byte[784]).ToArray()).ToArray();
        NpmMnistFallback.Convert(digits, folder, "test digits");
        var output = new StringWriter();

        Assert.Equal(0, DataReports.Verify("mnist", temp.Path, output, TextWriter.Null));
        Assert.Equal(0, DataReports.Info(temp.Path, output));
        Assert.Contains("SUBSET", output.ToString());
        Assert.Contains("Fashion-MNIST: not present", output.ToString());

        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), [1]);
        var error = new StringWriter();
        Assert.Equal(1, DataReports.Verify("all", temp.Path, TextWriter.Null, error));
        Assert.Contains("./gan data fetch mnist", error.ToString());
    }
}
