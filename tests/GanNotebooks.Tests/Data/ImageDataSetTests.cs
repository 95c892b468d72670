using GanNotebooks.Data;
using GanNotebooks.Tests.Metrics;

namespace GanNotebooks.Tests.Data;

public class ImageDataSetTests
{
    [RequiresDataSetFact(DataSetName.Mnist)]
    public void TakePerClass_gives_the_first_images_of_each_class_in_class_order()
    {
        using var set = DataSets.Load(DataSetName.Mnist, DataSplit.Test);

        var (images, labels) = set.TakePerClass(5);

        Assert.Equal(new long[] { 50, 1, 28, 28 }, images.shape);
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(c => Enumerable.Repeat((long)c, 5)), labels.data<long>().ToArray());
        var all = set.Labels.data<long>().ToArray();
        var firstThree = Array.FindIndex(all, l => l == 3);
        Assert.True(images[15].eq(set.Images[firstThree]).all().item<bool>(), "the first image of class 3 leads its group");
    }

    [Fact]
    public void TakePerClass_names_a_class_that_is_too_small()
    {
        using var temp = new TempFolder();
        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        IdxWriter.WriteImages(Path.Combine(folder, "train-images-idx3-ubyte.gz"), new byte[6 * 784], 6, 28, 28);
        IdxWriter.WriteLabels(Path.Combine(folder, "train-labels-idx1-ubyte.gz"), [0, 1, 2, 0, 1, 2]);
        using var set = DataSets.Load(DataSetName.Mnist, DataSplit.Train, temp.Path);

        var error = Assert.Throws<ArgumentException>(() => set.TakePerClass(2));

        Assert.Contains("class 3 has only 0 images", error.Message);
    }
}
