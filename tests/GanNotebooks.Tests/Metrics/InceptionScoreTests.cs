using GanNotebooks.Metrics;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class InceptionScoreTests
{
    [Fact]
    public void Confident_predictions_spread_evenly_over_ten_classes_score_ten()
    {
        using var labels = arange(1000).remainder(10);
        using var probabilities = nn.functional.one_hot(labels, 10).to_type(ScalarType.Float32);

        Assert.Equal(10, InceptionScore.Compute(probabilities), 9);
    }

    [Fact]
    public void The_same_distribution_for_every_sample_scores_one()
    {
        using var probabilities = softmax(tensor(new float[] { 3, 1, 0.5f, 0, 0, 0, 0, 0, 0, 0 }), 0).unsqueeze(0).expand(50, 10);

        Assert.Equal(1, InceptionScore.Compute(probabilities), 9);
    }

    [Fact]
    public void Confident_predictions_over_two_of_ten_classes_score_two()
    {
        using var labels = arange(100).remainder(2);
        using var probabilities = nn.functional.one_hot(labels, 10).to_type(ScalarType.Float64);

        Assert.Equal(2, InceptionScore.Compute(probabilities), 9);
    }

    [Fact]
    public void Rejects_rows_that_are_not_probabilities()
    {
        var error = Assert.Throws<ArgumentException>(() => InceptionScore.Compute(ones(4, 10)));
        Assert.Contains("softmax", error.Message);
    }
}
