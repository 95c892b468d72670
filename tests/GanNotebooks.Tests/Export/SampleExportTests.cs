using GanNotebooks.Data;
using GanNotebooks.Export;
using GanNotebooks.Tests.Data;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Export;

public sealed class SampleExportTests
{
    [Fact]
    public void Exported_samples_read_back_as_MNIST_images()
    {
        using var folder = new TempFolder();
        var path = folder.File("02", SampleExport.SamplesFileName);
        using var images = linspace(-1, 1, 3 * 28 * 28).view(3, 1, 28, 28);
        var written = SampleExport.WriteImages(images, path);
        var back = IdxReader.ReadImages(path);
        Assert.Equal((3, 28, 28), (back.Count, back.Rows, back.Columns));
        Assert.Equal(written, back.Pixels);
        Assert.Equal(0, back.Pixels[0]);            // -1 → 0
        Assert.Equal(255, back.Pixels[^1]);         // 1 → 255
        Assert.Equal(16 + 3 * 784, new FileInfo(path).Length);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        using var read = SampleExport.ReadImages(path);
        Assert.Equal(images.shape, read.shape);
        Assert.True(read.allclose(images, rtol: 0, atol: 1 / 255.0 + 1e-6), "a round trip changes a pixel by at most one grey level");
    }

    [Fact]
    public void Exported_labels_read_back_as_int64()
    {
        using var folder = new TempFolder();
        var path = folder.File("05", SampleExport.LabelsFileName);
        using var labels = arange(25).remainder(10);
        SampleExport.WriteLabels(labels, path);
        using var back = SampleExport.ReadLabels(path);
        Assert.Equal(ScalarType.Int64, back.dtype);
        Assert.Equal(labels.data<long>().ToArray(), back.data<long>().ToArray());
    }

    [Fact]
    public void Values_outside_the_range_are_clamped()
    {
        using var folder = new TempFolder();
        using var images = tensor(new float[] { -3f, 0f, 5f, 1f }).view(1, 1, 2, 2);
        var bytes = SampleExport.WriteImages(images, folder.File("s.idx3-ubyte"));
        Assert.Equal(new byte[] { 0, 128, 255, 255 }, bytes);
    }

    [Fact]
    public void Colour_images_are_refused_with_their_shape()
    {
        using var folder = new TempFolder();
        using var images = zeros(2, 3, 8, 8);
        var error = Assert.Throws<ArgumentException>(() => SampleExport.WriteImages(images, folder.File("s.idx3-ubyte")));
        Assert.Contains("3 channels", error.Message);
    }

    [Fact]
    public void Labels_round_trip()
    {
        using var folder = new TempFolder();
        var path = folder.File(SampleExport.LabelsFileName);
        using var labels = tensor(new long[] { 0, 9, 3 });
        SampleExport.WriteLabels(labels, path);
        Assert.Equal(new byte[] { 0, 9, 3 }, IdxReader.ReadLabels(path));
    }
}
