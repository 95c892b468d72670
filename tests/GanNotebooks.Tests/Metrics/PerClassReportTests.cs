using GanNotebooks.Data;
using GanNotebooks.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class PerClassReportTests(MnistEvaluatorFixture fixture) : IClassFixture<MnistEvaluatorFixture>
{
    private static (Tensor Images, Tensor Labels, Tensor TestImages, Tensor TestLabels) Load(int count)
    {
        using var train = DataSets.Load(DataSetName.Mnist, DataSplit.Train);
        using var test = DataSets.Load(DataSetName.Mnist, DataSplit.Test);
        var order = randperm(train.Count, generator: new Generator(12)).narrow(0, 0, count);
        return (train.Images.index_select(0, order), train.Labels.index_select(0, order), test.Images.clone(), test.Labels.clone());
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Real_images_requested_as_their_own_class_score_well_in_every_class()
    {
        var (images, labels, testImages, testLabels) = Load(1000);

        var report = PerClassReport.Compute(fixture.Evaluator.Classifier, images, labels, testImages, testLabels, "real");

        Assert.Equal(10, report.Classes.Count);
        Assert.Equal(1000, report.Classes.Sum(r => r.Samples));
        Assert.All(report.Classes, r =>
        {
            Assert.InRange(r.LabelAccuracy, 0.85, 1);
            Assert.InRange(r.FrechetDistance, 0, 100);
            Assert.InRange(r.Recall, 0.5, 1);
            Assert.Equal(r.Mistakes == 0, r.MostConfusedWith is null);
        });
        Assert.Contains("most often seen instead", report.ToTable());
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Images_requested_as_the_wrong_class_are_reported_with_what_they_look_like()
    {
        var (images, labels, testImages, testLabels) = Load(600);
        using var shifted = labels.add(1).remainder(10);   // every "3" is asked for as a 4, and so on

        var report = PerClassReport.Compute(fixture.Evaluator.Classifier, images, shifted, testImages, testLabels);
        var honest = PerClassReport.Compute(fixture.Evaluator.Classifier, images, labels, testImages, testLabels);

        Assert.All(report.Classes, r =>
        {
            Assert.InRange(r.LabelAccuracy, 0, 0.1);
            Assert.Equal((r.Class + 9) % 10, r.MostConfusedWith);
            Assert.True(r.FrechetDistance > honest.Classes[r.Class].FrechetDistance, $"class {r.Name}");
        });
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void A_class_with_too_few_samples_is_refused_with_its_name()
    {
        var (images, labels, testImages, testLabels) = Load(40);

        var error = Assert.Throws<ArgumentException>(() =>
            PerClassReport.Compute(fixture.Evaluator.Classifier, images, tensor(Enumerable.Range(0, 40).Select(i => i == 0 ? 1L : 0L).ToArray()), testImages, testLabels));
        Assert.Contains("class 1", error.Message);
    }
}
