using GanNotebooks.Metrics;

namespace GanNotebooks.Tests.Metrics;

public class EvaluationReportTests
{
    private static EvaluationReport Sample(double? labelAccuracy = null) => new()
    {
        Samples = "artifacts/02-vanilla-gan/samples.idx3-ubyte",
        SampleCount = 1000,
        DataSet = "mnist",
        IsSubset = true,
        ReferenceCount = 1000,
        ClassifierTestAccuracy = 0.957,
        FrechetDistance = 12.345678,
        InceptionScore = 8.5,
        Coverage = ModeCoverage.FromHistogram([100, 98, 102, 100, 100, 100, 100, 100, 100, 100]),
        PrecisionRecall = new PrecisionRecall(0.8, 0.6, 3),
        LabelAccuracy = labelAccuracy,
    };

    [Fact]
    public void Survives_a_json_round_trip()
    {
        var report = Sample(0.91);

        var back = EvaluationReport.FromJson(report.ToJson());

        Assert.Equal(report.FrechetDistance, back.FrechetDistance);
        Assert.Equal(report.Coverage.Histogram, back.Coverage.Histogram);
        Assert.Equal(report.PrecisionRecall, back.PrecisionRecall);
        Assert.Equal(0.91, back.LabelAccuracy);
        Assert.True(back.IsSubset);
        Assert.Contains("\"frechetDistance\": 12.345678", report.ToJson());
    }

    [Fact]
    public void The_table_names_each_metric_and_flags_a_subset()
    {
        var table = Sample().ToTable();

        Assert.Contains("Fréchet distance (lower is better)", table);
        Assert.Contains("12.346", table);
        Assert.Contains("10 of 10", table);
        Assert.Contains("precision (k = 3)", table);
        Assert.Contains("SUBSET", table);
        Assert.DoesNotContain("requested-label", table);
        Assert.Contains("requested-label accuracy", Sample(0.5).ToTable());
    }
}
