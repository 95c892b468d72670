using GanNotebooks.Cli.Commands;
using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;
using GanNotebooks.Tests.IO;

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

    private static string SubsetFolder(TempFolder temp)
    {
        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        var digits = Enumerable.Range(0, 10).Select(d => (IReadOnlyList<byte[]>)Enumerable.Range(0, 101).Select(_ => new byte[784]).ToArray()).ToArray();
        NpmMnistFallback.Convert(digits, folder, "test digits");
        return folder;
    }

    [Theory]
    [InlineData("pipe", "is a named pipe (FIFO), not a file")]
    [InlineData("directory", "is a directory, not a file")]
    [InlineData("dangling", "is a symbolic link to /nowhere, which does not exist")]
    [InlineData("loop", "is a symbolic link that loops")]
    public async Task Verify_and_info_say_what_is_in_place_of_a_data_file_without_opening_it(string kind, string expected)
    {
        using var temp = new TempFolder();
        var labels = Path.Combine(SubsetFolder(temp), "t10k-labels-idx1-ubyte.gz");
        File.Delete(labels);
        switch (kind)
        {
            case "pipe": SpecialFiles.MakeNamedPipe(labels); break;
            case "directory": Directory.CreateDirectory(labels); break;
            case "dangling": File.CreateSymbolicLink(labels, "/nowhere"); break;
            default: SpecialFiles.MakeLinkLoop(labels); break;
        }
        var output = new StringWriter();

        var verify = Task.Run(() => DataReports.Verify("mnist", temp.Path, output, TextWriter.Null));
        Assert.Same(verify, await Task.WhenAny(verify, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(1, await verify);
        Assert.Contains($"BAD  t10k-labels-idx1-ubyte.gz: {labels} {expected}", output.ToString());
        Assert.Equal(0, DataReports.Info(temp.Path, output));
        Assert.Contains($"MNIST: present in {Path.GetDirectoryName(labels)}, but {labels} {expected}", output.ToString());
        var load = Assert.Throws<DataFileException>(() => DataSets.Load(DataSetName.Mnist, DataSplit.Test, temp.Path));
        Assert.StartsWith($"{labels} {expected.Replace("not a file", "not an IDX file")}", load.Message);
    }

    [Fact]
    public void A_broken_SOURCE_json_is_named_and_the_intact_files_are_not_blamed()
    {
        using var temp = new TempFolder();
        var folder = SubsetFolder(temp);
        var before = Directory.GetFiles(folder).ToDictionary(f => f, File.ReadAllBytes);
        File.WriteAllText(Path.Combine(folder, DataSetSource.FileName), "{ not json");
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(1, DataReports.Verify("mnist", temp.Path, output, error));

        var source = Path.Combine(folder, DataSetSource.FileName);
        Assert.StartsWith($"{source} is broken: ", error.ToString());
        Assert.Contains("run ./gan data fetch mnist, which writes it again", error.ToString());
        Assert.DoesNotContain("delete it", output.ToString());
        Assert.DoesNotContain("is damaged", error.ToString());
        Assert.Contains("may be intact", output.ToString());
        foreach (var (file, bytes) in before.Where(b => !b.Key.EndsWith(DataSetSource.FileName)))
            Assert.Equal(bytes, File.ReadAllBytes(file));
    }
}
