using GanNotebooks.Data;
using GanNotebooks.Export;
using GanNotebooks.Metrics;
using GanNotebooks.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Metrics;

public class SampleEvaluatorTests(MnistEvaluatorFixture fixture) : IClassFixture<MnistEvaluatorFixture>
{
    private static Tensor RealTrainingImages(int count, out Tensor labels)
    {
        using var train = DataSets.Load(DataSetName.Mnist, DataSplit.Train);
        var order = randperm(train.Count, generator: new Generator(11)).narrow(0, 0, count);
        labels = train.Labels.index_select(0, order);
        return train.Images.index_select(0, order);
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void The_classifier_reaches_an_honest_accuracy_for_the_data_present()
    {
        var classifier = fixture.Evaluator.Classifier;

        // The offline fallback is a 9,000/1,000 subset, where the default classifier reaches 97.3%; on the full
        // 60,000/10,000 set the target is 98%.
        Assert.True(classifier.TestAccuracy >= (classifier.IsSubset ? 0.96 : 0.98), $"test accuracy {classifier.TestAccuracy:P2}");
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Real_images_are_close_to_the_test_split_and_cover_every_class()
    {
        using var real = RealTrainingImages(1000, out var labels);

        var report = fixture.Evaluator.Evaluate(real, labels, "real training images");
        using var noise = rand(1000, 1, 28, 28, generator: new Generator(5)).mul(2).sub(1);
        var noiseReport = fixture.Evaluator.Evaluate(noise);

        Assert.Equal(10, report.Coverage.ClassesCovered);
        Assert.InRange(report.InceptionScore, 8, 10);
        Assert.InRange(report.Coverage.KlFromUniform, 0, 0.02);
        Assert.True(report.FrechetDistance < noiseReport.FrechetDistance / 50, $"real {report.FrechetDistance}, noise {noiseReport.FrechetDistance}");
        Assert.InRange(report.PrecisionRecall.Precision, 0.7, 1);
        Assert.InRange(report.PrecisionRecall.Recall, 0.7, 1);
        Assert.InRange(report.LabelAccuracy!.Value, 0.94, 1);
        Assert.InRange(noiseReport.PrecisionRecall.Precision, 0, 0.05);
        Assert.Equal(1000, report.SampleCount);
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void The_test_split_against_itself_has_zero_distance_and_full_precision_and_recall()
    {
        using var test = DataSets.Load(DataSetName.Mnist, DataSplit.Test);

        var report = fixture.Evaluator.Evaluate(test.Images, test.Labels);

        Assert.InRange(report.FrechetDistance, 0, 1e-6);
        Assert.Equal(1, report.PrecisionRecall.Precision);
        Assert.Equal(1, report.PrecisionRecall.Recall);
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void One_repeated_image_covers_one_class_and_scores_about_one()
    {
        using var real = RealTrainingImages(1, out var labels);
        using var repeated = real.expand(500, 1, 28, 28).contiguous();
        using var shifted = labels.add(1).remainder(10).expand(500);

        var report = fixture.Evaluator.Evaluate(repeated, shifted);

        Assert.Equal(1, report.Coverage.ClassesCovered);
        Assert.Equal(500, report.Coverage.Histogram.Max());
        Assert.InRange(report.InceptionScore, 1, 1.0001);
        Assert.Equal(Math.Log(10), report.Coverage.KlFromUniform, 9);
        Assert.InRange(report.PrecisionRecall.Recall, 0, 0.01);
        Assert.Equal(0, report.LabelAccuracy); // every requested label is off by one
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Exported_samples_evaluate_like_the_tensor_they_came_from()
    {
        using var temp = new TempFolder();
        using var real = RealTrainingImages(300, out var labels);
        var path = temp.File(SampleExport.SamplesFileName);
        SampleExport.WriteImages(real, path);
        SampleExport.WriteLabels(labels, temp.File(SampleExport.LabelsFileName));

        var fromFile = fixture.Evaluator.EvaluateFile(path, temp.File(SampleExport.LabelsFileName));
        var fromTensor = fixture.Evaluator.Evaluate(real, labels);

        Assert.Equal(path, fromFile.Samples);
        Assert.Equal(fromTensor.Coverage.Histogram, fromFile.Coverage.Histogram);
        Assert.Equal(fromTensor.FrechetDistance, fromFile.FrechetDistance, fromTensor.FrechetDistance * 0.01 + 1e-6);
        Assert.Equal(fromTensor.LabelAccuracy!.Value, fromFile.LabelAccuracy!.Value, 0.01);
    }

    [RequiresDataSetFact(DataSetName.Mnist)]
    public void Rejects_too_few_samples_and_mismatched_labels()
    {
        Assert.Throws<ArgumentException>(() => fixture.Evaluator.Evaluate(zeros(3, 1, 28, 28)));
        Assert.Throws<ArgumentException>(() => fixture.Evaluator.Evaluate(zeros(10, 1, 28, 28), zeros(9, ScalarType.Int64)));
    }
}
