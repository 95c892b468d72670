using GanNotebooks.Data;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Tests.Metrics;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Data;

public class StackedMnistTests(ITestOutputHelper output)
{
    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Each_channel_is_a_real_digit_of_its_label_and_the_mode_is_the_three_digit_number()
    {
        using var threads = new OneTorchThread();
        using var digits = DataSets.Load(DataSetName.Mnist, DataSplit.Train);
        using var stacked = StackedMnist.FromDigits(digits, 12, seed: 7);

        Assert.Equal(new long[] { 12, 3, 28, 28 }, stacked.Images.shape);
        Assert.Equal(new long[] { 12, 3 }, stacked.DigitLabels.shape);
        Assert.True(stacked.Images.min().item<float>() >= -1 && stacked.Images.max().item<float>() <= 1);
        var labels = stacked.DigitLabels.data<long>().ToArray();
        var modes = stacked.Modes.data<long>().ToArray();
        var digitLabels = digits.Labels.data<long>().ToArray();
        using var flat = digits.Images.view(digits.Count, 784);
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(100 * labels[3 * i] + 10 * labels[3 * i + 1] + labels[3 * i + 2], modes[i]);
            for (var c = 0; c < 3; c++)
            {
                using var channel = stacked.Images[i, c].reshape(1, 784);
                using var distances = flat.sub(channel).abs().sum(1);
                var exact = distances.eq(0).nonzero().view(-1).data<long>().ToArray();
                Assert.NotEmpty(exact);
                Assert.Contains(exact, row => digitLabels[row] == labels[3 * i + c]);
            }
        }
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void The_same_seed_gives_the_same_images_and_another_seed_other_images()
    {
        using var digits = DataSets.Load(DataSetName.Mnist, DataSplit.Train);
        using var first = StackedMnist.FromDigits(digits, 200, seed: 1);
        using var again = StackedMnist.FromDigits(digits, 200, seed: 1);
        using var other = StackedMnist.FromDigits(digits, 200, seed: 2);

        Assert.True(first.Images.eq(again.Images).all().item<bool>());
        Assert.True(first.Modes.eq(again.Modes).all().item<bool>());
        Assert.False(first.Images.eq(other.Images).all().item<bool>());
        Assert.True(first.Modes.ne(other.Modes).sum().item<long>() > 150, "independent draws agree on about 1 mode in 1,000");
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Digits_are_uniform_and_independent_across_channels_so_all_modes_appear()
    {
        using var stacked = StackedMnist.Create(20_000, seed: 3);
        output.WriteLine(stacked.ToString());

        var histogram = stacked.ModeHistogram();
        var labels = stacked.DigitLabels.data<long>().ToArray();
        for (var c = 0; c < 3; c++)
            for (var d = 0; d < 10; d++)
            {
                var share = Enumerable.Range(0, 20_000).Count(i => labels[3 * i + c] == d) / 20_000.0;
                Assert.InRange(share, 0.09, 0.11);
            }
        var covered = histogram.Count(n => n > 0);
        output.WriteLine($"true modes covered by 20,000 images: {covered}; fewest images of one mode {histogram.Min()}, most {histogram.Max()}");
        // 20 expected per mode: a mode is empty with probability e^-20.
        Assert.Equal(1000, covered);
        Assert.Equal(20_000, histogram.Sum());
        if (stacked.IsSubset)
        {
            Assert.Contains("(SUBSET)", stacked.ToString());
            Assert.Equal(9000, stacked.DigitCount);
        }
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Bad_arguments_are_named()
    {
        using var digits = DataSets.Load(DataSetName.Mnist, DataSplit.Test);

        Assert.Throws<ArgumentOutOfRangeException>(() => StackedMnist.FromDigits(digits, 0, seed: 1));
        var error = Assert.Throws<DataSetNotFoundException>(() => StackedMnist.Create(10, 1, dataRoot: Path.Combine(Path.GetTempPath(), "no-such-gan-data")));
        Assert.Contains("./gan data fetch mnist", error.Message);
    }
}
