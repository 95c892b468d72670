using GanNotebooks.Data;

namespace GanNotebooks.Tests.Data;

public class DataSetNamesTests
{
    [Theory]
    [InlineData("mnist", DataSetName.Mnist)]
    [InlineData("MNIST", DataSetName.Mnist)]
    [InlineData("fashion-mnist", DataSetName.FashionMnist)]
    [InlineData("Fashion-MNIST", DataSetName.FashionMnist)]
    [InlineData("fashion_mnist", DataSetName.FashionMnist)]
    public void Parses_known_names_in_any_case(string text, DataSetName expected) =>
        Assert.Equal(expected, DataSetNames.Parse(text));

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => DataSetNames.Parse("cifar"));
        Assert.Contains("'cifar'", error.Message);
        Assert.Contains("mnist, fashion-mnist", error.Message);
    }

    [Fact]
    public void Keys_round_trip()
    {
        foreach (var name in DataSetNames.All)
            Assert.Equal(name, DataSetNames.Parse(name.ToKey()));
    }
}
