using GanNotebooks.Data;
using GanNotebooks.Export;
using GanNotebooks.Metrics;
using GanNotebooks.Tests.Data;
using GanNotebooks.Tests.Fixtures;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class StackedMnistModeCounterTests(StackedMnistCounterFixture fixture, ITestOutputHelper output) : IClassFixture<StackedMnistCounterFixture>
{
    private static readonly double LogThousand = Math.Log(1000);

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Real_stacked_mnist_at_ten_thousand_covers_about_all_modes_with_kl_near_zero()
    {
        using var threads = new OneTorchThread();
        using var real = StackedMnist.Create(10_000, seed: 2024);
        var counter = fixture.Counter;

        var counted = counter.Count(real);
        using var predicted = counter.PredictModes(real.Images);
        var agreement = predicted.eq(real.Modes).to_type(ScalarType.Float64).mean().item<double>();
        var truth = StackedMnistModes.FromHistogram(real.ModeHistogram(), "true labels of the same images");

        output.WriteLine(real.ToString());
        output.WriteLine($"{counted} ({counted.Seconds:F2} s, {counted.ImagesPerSecond:N0} stacked images/s, one torch thread)");
        output.WriteLine(truth.ToString());
        output.WriteLine($"classifier reads all three digits right on {agreement:P2} of the images (per-digit test accuracy {counter.Classifier.TestAccuracy:P2})");
        Assert.Equal(10_000, counted.SampleCount);
        Assert.Equal(10_000, counted.Histogram.Sum());
        Assert.InRange(counted.ModesCovered, 990, 1000);
        // Sampling alone gives about 999 / (2 · 10,000) ≈ 0.05 nats at N = 10,000; misread digits add a little.
        Assert.InRange(counted.KlFromUniform, 0, 0.1);
        Assert.InRange(truth.KlFromUniform, 0.03, 0.07);
        Assert.InRange(agreement, 0.9, 1);
        Assert.InRange(counted.ConfidentShare!.Value, 0.85, 1);
        Assert.InRange(counted.ConfidentModesCovered!.Value, 980, counted.ModesCovered);
        Assert.Null(truth.ConfidentShare);
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Blurred_stacked_images_still_fill_modes_but_are_not_read_confidently()
    {
        using var threads = new OneTorchThread();
        using var real = StackedMnist.Create(2_000, seed: 77);
        using var blurred = nn.functional.avg_pool2d(real.Images, 9, stride: 1, padding: 4);   // strokes smeared into blobs
        using var noise = rand(2_000, 3, 28, 28, generator: new Generator(3)).mul(2).sub(1);

        var sharp = fixture.Counter.Count(real);
        var blobs = fixture.Counter.Count(blurred, "blurred");
        var static_ = fixture.Counter.Count(noise, "uniform noise");

        output.WriteLine($"{sharp}\n{blobs}\n{static_}");
        Assert.True(blobs.ConfidentShare < sharp.ConfidentShare - 0.3, "blurred images must be read with far less confidence");
        Assert.True(static_.ConfidentShare < 0.5, "noise must not be read confidently");
        Assert.True(blobs.ConfidentModesCovered < 20 && blobs.ModesCovered > 100, "blurred images fill modes only by the classifier's guesses");
        var (digits, confidence) = fixture.Counter.PredictDigitsAndConfidence(real.Images.narrow(0, 0, 5));
        using (digits) using (confidence)
        {
            Assert.Equal(new long[] { 5, 3 }, confidence.shape);
            Assert.True(confidence.ge(0.1).all().item<bool>() && confidence.le(1).all().item<bool>(), "a top-class probability lies in [0.1, 1]");
        }
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void A_generator_that_repeats_one_image_covers_one_mode_with_kl_log_1000()
    {
        using var threads = new OneTorchThread();
        using var real = StackedMnist.Create(1, seed: 5);
        using var repeated = real.Images.expand(2000, 3, 28, 28).contiguous();

        var counted = fixture.Counter.Count(repeated, "one image repeated");

        output.WriteLine($"{counted}; log 1000 = {LogThousand:F6}");
        Assert.Equal(1, counted.ModesCovered);
        Assert.Equal(2000, counted.Histogram.Max());
        Assert.Equal(LogThousand, counted.KlFromUniform, 9);
        Assert.Equal(real.Modes.item<long>(), counted.Histogram.ToList().IndexOf(2000));
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void An_exported_samples_file_counts_the_same_as_the_images()
    {
        using var threads = new OneTorchThread();
        using var temp = new TempFolder();
        using var real = StackedMnist.Create(600, seed: 9);
        var path = temp.File("run", SampleExport.ChannelSamplesFileName);

        SampleExport.WriteChannelImages(real.Images, path);
        var fromFile = fixture.Counter.CountFile(path);
        var fromImages = fixture.Counter.Count(real.Images);

        Assert.Equal(600L * 3 * 28 * 28 + 20, new FileInfo(path).Length);
        Assert.Equal(fromImages.Histogram, fromFile.Histogram);
        Assert.Equal(fromImages.KlFromUniform, fromFile.KlFromUniform, 12);
        Assert.Equal(Path.GetFullPath(path), fromFile.Samples);
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Images_of_the_wrong_shape_are_refused_with_their_shape()
    {
        using var grey = zeros(4, 1, 28, 28);
        using var temp = new TempFolder();
        var path = temp.File("grey.idx4-ubyte");
        SampleExport.WriteChannelImages(grey, path);

        var error = Assert.Throws<ArgumentException>(() => fixture.Counter.Count(grey));
        var fileError = Assert.Throws<DataFileException>(() => fixture.Counter.CountFile(path));

        Assert.Contains("expected Stacked MNIST images [N, 3, 28, 28] with N ≥ 1, got shape [4, 1, 28, 28]", error.Message);
        Assert.Contains("images are 1 × 28 × 28; Stacked MNIST samples are 3 × 28 × 28", fileError.Message);
        Assert.Equal(Path.GetFullPath(path), fileError.FilePath);
    }

    [Fact]
    public void Kl_from_uniform_is_zero_for_an_even_histogram_and_ignores_empty_modes()
    {
        var even = StackedMnistModes.FromHistogram(Enumerable.Repeat(3, 1000).ToArray(), "even");
        var half = StackedMnistModes.FromHistogram(Enumerable.Range(0, 1000).Select(k => k % 2 == 0 ? 4 : 0).ToArray(), "half");

        Assert.Equal((1000, 0.0), (even.ModesCovered, even.KlFromUniform));
        Assert.Equal(500, half.ModesCovered);
        Assert.Equal(Math.Log(2), half.KlFromUniform, 12);
        Assert.Throws<ArgumentException>(() => StackedMnistModes.FromHistogram(new int[10], "wrong length"));
        Assert.Throws<ArgumentException>(() => StackedMnistModes.FromHistogram(new int[1000], "empty"));
    }
}
