using GanNotebooks.Metrics;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class ModeCoverageTests
{
    [Fact]
    public void Balanced_predictions_cover_every_class_with_zero_divergence()
    {
        using var labels = arange(1000).remainder(10);

        var coverage = ModeCoverage.FromPredictions(labels, 10);

        Assert.Equal(10, coverage.ClassesCovered);
        Assert.All(coverage.Histogram, c => Assert.Equal(100, c));
        Assert.Equal(0, coverage.KlFromUniform, 12);
    }

    [Fact]
    public void One_class_covers_one_and_diverges_by_log_k()
    {
        using var labels = full(200, 7L);

        var coverage = ModeCoverage.FromPredictions(labels, 10);

        Assert.Equal(1, coverage.ClassesCovered);
        Assert.Equal(200, coverage.Histogram[7]);
        Assert.Equal(Math.Log(10), coverage.KlFromUniform, 12);
    }

    [Fact]
    public void A_class_below_the_minimum_share_is_not_covered()
    {
        // 995 samples of class 0 and 5 (0.5%) of class 1.
        var histogram = new[] { 995, 5, 0, 0 };

        Assert.Equal(1, ModeCoverage.FromHistogram(histogram).ClassesCovered);
        Assert.Equal(2, ModeCoverage.FromHistogram(histogram, minShare: 0.005).ClassesCovered);
    }

    [Fact]
    public void Uses_the_most_likely_class_of_each_row()
    {
        using var probabilities = tensor(new float[,] { { 0.1f, 0.9f, 0 }, { 0.8f, 0.1f, 0.1f }, { 0.2f, 0.7f, 0.1f } });

        Assert.Equal([1, 2, 0], ModeCoverage.FromProbabilities(probabilities).Histogram);
    }

    [Fact]
    public void Rejects_bad_input_naming_it()
    {
        Assert.Contains("minShare", Assert.Throws<ArgumentException>(() => ModeCoverage.FromHistogram([1, 2], 0)).Message);
        Assert.Throws<ArgumentException>(() => ModeCoverage.FromPredictions(tensor(new long[] { 0, 12 }), 10));
    }
}
