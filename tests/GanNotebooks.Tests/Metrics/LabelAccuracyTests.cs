using GanNotebooks.Metrics;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class LabelAccuracyTests
{
    [Fact]
    public void Counts_samples_classified_as_requested()
    {
        using var probabilities = tensor(new float[,] { { 0.9f, 0.1f }, { 0.3f, 0.7f }, { 0.6f, 0.4f }, { 0.2f, 0.8f } });
        using var requested = tensor(new long[] { 0, 1, 1, 1 });

        Assert.Equal(0.75, LabelAccuracy.Compute(probabilities, requested));
    }

    [Fact]
    public void Rejects_a_label_count_that_differs()
    {
        Assert.Throws<ArgumentException>(() => LabelAccuracy.Compute(zeros(4, 2), zeros(3, ScalarType.Int64)));
    }
}
