using System.Text;
using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Tests.Data.Fetching;

public class MnistJsonConverterTests
{
    private static Stream DigitJson(int images, int digit)
    {
        var values = Enumerable.Range(0, images * 784).Select(i => (i % 784 == 0 ? digit / 10.0 : i % 2 == 0 ? 0.5 : 1.0).ToString("0.###"));
        return new MemoryStream(Encoding.UTF8.GetBytes("{ \"data\": [" + string.Join(",", values) + "] }"));
    }

    [Fact]
    public void Reads_floats_as_rounded_bytes()
    {
        var images = MnistJsonConverter.ReadDigitFile(DigitJson(2, 3));

        Assert.Equal(2, images.Count);
        Assert.Equal(77, images[1][0]);   // round(0.3 * 255) = 76.5 -> 77
        Assert.Equal(255, images[0][1]);
        Assert.Equal(128, images[0][2]);  // round(0.5 * 255) = 127.5 -> 128
    }

    [Fact]
    public void Rejects_a_partial_image_and_out_of_range_values()
    {
        Assert.Throws<InvalidDataException>(() => MnistJsonConverter.ReadDigitFile(new MemoryStream("{\"data\":[0,1,0.5]}"u8.ToArray())));
        var bad = "{\"data\":[" + string.Join(",", Enumerable.Repeat("2", 784)) + "]}";
        Assert.Throws<InvalidDataException>(() => MnistJsonConverter.ReadDigitFile(new MemoryStream(Encoding.UTF8.GetBytes(bad))));
    }

    [Fact]
    public void Writes_interleaved_train_and_held_out_test_idx_files()
    {
        using var temp = new TempFolder();
        var digits = Enumerable.Range(0, 10).Select(d => MnistJsonConverter.ReadDigitFile(DigitJson(3 + d % 2, d))).ToArray();

        var (train, test) = MnistJsonConverter.WriteIdxFiles(digits, temp.Path, testPerClass: 1);

        Assert.Equal([2, 3, 2, 3, 2, 3, 2, 3, 2, 3], train);
        Assert.All(test, c => Assert.Equal(1, c));
        var labels = IdxReader.ReadLabels(temp.File("train-labels-idx1-ubyte.gz"));
        Assert.Equal(Enumerable.Range(0, 10).Select(d => (byte)d), labels.Take(10));
        Assert.Equal(new byte[] { 1, 3, 5, 7, 9 }, labels.Skip(20));
        var testImages = IdxReader.ReadImages(temp.File("t10k-images-idx3-ubyte.gz"));
        Assert.Equal(10, testImages.Count);
        Assert.Equal(digits[4][^1], testImages.Image(4).ToArray()); // the last image of digit 4 is held out
    }

    [Fact]
    public void Refuses_a_digit_with_too_few_images_to_hold_out()
    {
        using var temp = new TempFolder();
        var digits = Enumerable.Range(0, 10).Select(d => MnistJsonConverter.ReadDigitFile(DigitJson(1, d))).ToArray();
        Assert.Throws<InvalidDataException>(() => MnistJsonConverter.WriteIdxFiles(digits, temp.Path, testPerClass: 1));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
