using GanNotebooks.Data;

namespace GanNotebooks.Tests.Data;

public class DataSetsTests
{
    private static void WriteSmallSet(string folder, int images, int labels)
    {
        var pixels = Enumerable.Range(0, images * 784).Select(i => (byte)(i % 256)).ToArray();
        IdxWriter.WriteImages(Path.Combine(folder, "train-images-idx3-ubyte.gz"), pixels, images, 28, 28);
        IdxWriter.WriteLabels(Path.Combine(folder, "train-labels-idx1-ubyte.gz"),
            Enumerable.Range(0, labels).Select(i => (byte)(i % 3)).ToArray());
    }

    [Fact]
    public void Loads_a_small_set_scaled_to_minus_one_one()
    {
        using var temp = new TempFolder();
        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        WriteSmallSet(folder, 4, 4);

        using var set = DataSets.Load(DataSetName.Mnist, DataSplit.Train, temp.Path);

        Assert.Equal(4, set.Count);
        Assert.Equal(new long[] { 4, 1, 28, 28 }, set.Images.shape);
        Assert.Equal(-1f, set.Images[0, 0, 0, 0].item<float>());
        Assert.Equal(1f, set.Images[0, 0, 9, 3].item<float>()); // pixel 255
        Assert.Equal(new long[] { 0, 1, 2, 0 }, set.Labels.data<long>().ToArray());
        Assert.Equal([2, 1, 1, 0, 0, 0, 0, 0, 0, 0], set.ClassCounts());
        Assert.False(set.IsSubset);
        Assert.Contains("origin is unknown", set.Source);
    }

    [Fact]
    public void Reads_source_and_subset_flag_from_SOURCE_json()
    {
        using var temp = new TempFolder();
        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        WriteSmallSet(folder, 2, 2);
        new DataSetSource { DataSet = "mnist", Source = "From a test.", Kind = "test", IsSubset = true }.Write(folder);

        using var set = DataSets.Load(DataSetName.Mnist, DataSplit.Train, temp.Path);

        Assert.True(set.IsSubset);
        Assert.Equal("From a test.", set.Source);
        Assert.Contains("SUBSET", set.ToString());
    }

    [Fact]
    public void Image_and_label_count_mismatch_names_the_files()
    {
        using var temp = new TempFolder();
        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        WriteSmallSet(folder, 3, 2);

        var error = Assert.Throws<DataFileException>(() => DataSets.Load(DataSetName.Mnist, DataSplit.Train, temp.Path));
        Assert.Contains("holds 2 labels but", error.Message);
        Assert.Contains("train-labels-idx1-ubyte.gz", error.FilePath);
        Assert.Contains("./gan data fetch mnist", error.Message);
    }

    [Fact]
    public void Missing_set_names_the_folder_and_the_fetch_command()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<DataSetNotFoundException>(() => DataSets.Load(DataSetName.FashionMnist, DataSplit.Test, temp.Path));
        Assert.Contains(Path.Combine(temp.Path, "fashion-mnist"), error.Message);
        Assert.Contains("./gan data fetch fashion-mnist", error.Message);
        Assert.Contains("data-scripts/fetch-data.sh fashion-mnist", error.Message);
    }

    [RequiresDebianFashionMnistFact]
    public void Loads_real_fashion_mnist()
    {
        using var temp = new TempFolder();
        var folder = DataSets.FolderOf(DataSetName.FashionMnist, temp.Path);
        Directory.CreateDirectory(folder);
        foreach (var file in DataSets.FileNames)
            File.CreateSymbolicLink(Path.Combine(folder, file), Path.Combine(RequiresDebianFashionMnistFactAttribute.Folder, file));

        using var set = DataSets.Load(DataSetName.FashionMnist, DataSplit.Train, temp.Path);

        Assert.Equal(60_000, set.Count);
        Assert.Equal(new long[] { 60_000, 1, 28, 28 }, set.Images.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, set.Images.dtype);
        Assert.True(set.Images.min().item<float>() >= -1f);
        Assert.True(set.Images.max().item<float>() <= 1f);
        Assert.Equal(TorchSharp.torch.ScalarType.Int64, set.Labels.dtype);
        Assert.Equal(0L, set.Labels.min().item<long>());
        Assert.Equal(9L, set.Labels.max().item<long>());
        Assert.All(set.ClassCounts(), count => Assert.Equal(6_000, count));
        Assert.Equal("Ankle boot", set.ClassNames[9]);
    }
}
