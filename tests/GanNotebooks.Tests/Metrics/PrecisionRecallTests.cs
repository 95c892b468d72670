using GanNotebooks.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class PrecisionRecallTests
{
    private static Tensor Cloud(int n, float centreX, long seed, float spread = 1)
    {
        var points = randn([n, 2], generator: new Generator((ulong)seed)).mul(spread);
        return points.add(tensor(new[] { centreX, 0f }));
    }

    [Fact]
    public void Identical_clouds_have_precision_and_recall_one()
    {
        using var cloud = Cloud(500, 0, 1);

        var result = PrecisionRecall.Compute(cloud, cloud.clone());

        Assert.Equal(1, result.Precision);
        Assert.Equal(1, result.Recall);
        Assert.Equal(3, result.K);
    }

    [Fact]
    public void Disjoint_clouds_have_precision_and_recall_zero()
    {
        using var real = Cloud(400, 0, 1);
        using var generated = Cloud(400, 100, 2);

        var result = PrecisionRecall.Compute(real, generated);

        Assert.Equal(0, result.Precision);
        Assert.Equal(0, result.Recall);
    }

    [Fact]
    public void A_generated_cloud_on_half_the_real_one_has_full_precision_and_half_recall()
    {
        // Real points: two well-separated clusters of equal size; generated: only the first cluster.
        using var real = cat([Cloud(500, 0, 1), Cloud(500, 50, 2)], 0);
        using var generated = Cloud(500, 0, 3);

        var result = PrecisionRecall.Compute(real, generated, blockRows: 128);

        Assert.InRange(result.Precision, 0.95, 1);
        Assert.InRange(result.Recall, 0.45, 0.5);
    }

    [Fact]
    public void Blocking_does_not_change_the_result()
    {
        using var real = Cloud(300, 0, 4);
        using var generated = Cloud(250, 0.7f, 5, 0.6f);

        var whole = PrecisionRecall.Compute(real, generated, 3, blockRows: 10_000);
        var blocked = PrecisionRecall.Compute(real, generated, 3, blockRows: 7);

        Assert.Equal(whole, blocked);
        Assert.InRange(whole.Precision, 0.01, 0.999);
        Assert.InRange(whole.Recall, 0.01, 0.999);
    }

    [Fact]
    public void Radius_is_the_distance_to_the_kth_other_point()
    {
        using var line = tensor(new float[,] { { 0, 0 }, { 1, 0 }, { 3, 0 }, { 6, 0 } });

        var radii = PrecisionRecall.Radii(line, 2).data<float>().ToArray();

        Assert.Equal([3f, 2f, 3f, 5f], radii);
    }

    [Fact]
    public void Rejects_too_few_points_or_a_bad_k()
    {
        Assert.Contains("k = 3", Assert.Throws<ArgumentException>(() => PrecisionRecall.Compute(zeros(3, 2), zeros(10, 2))).Message);
        Assert.Throws<ArgumentException>(() => PrecisionRecall.Compute(zeros(10, 2), zeros(10, 2), k: 0));
        Assert.Throws<ArgumentException>(() => PrecisionRecall.Compute(zeros(10, 2), zeros(10, 3)));
    }
}
