using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Metrics;

/// <summary>
/// Scores a conditional generator class by class: for each requested class, the samples asked for it are compared
/// with the reference images of that class only (Fréchet distance, k-NN precision and recall in the evaluation
/// classifier's feature space), and the classifier says how many came out as the class asked for and what the others
/// looked like instead. With about 100 samples per class the Fréchet distance is biased upwards: compare it with the
/// same report for real images (<see cref="Compute"/> on a labelled real batch of the same size).
/// Introduced in notebook 05-conditional-gan.
/// </summary>
public sealed record PerClassReport
{
    /// <summary>What was evaluated, e.g. "generated" or "real training images".</summary>
    public required string Samples { get; init; }

    /// <summary>One row per class, in class order.</summary>
    public required IReadOnlyList<ClassScore> Classes { get; init; }

    /// <summary>
    /// The report for <paramref name="images"/> [N, 1, 28, 28] in [-1, 1] requested as <paramref name="labels"/> [N],
    /// against <paramref name="referenceImages"/> with their true <paramref name="referenceLabels"/> (normally the
    /// test split). Every class needs more than <paramref name="k"/> samples and reference images.
    /// </summary>
    public static PerClassReport Compute(EvaluationClassifier classifier, Tensor images, Tensor labels,
        Tensor referenceImages, Tensor referenceLabels, string samples = "generated", int k = PrecisionRecall.DefaultK)
    {
        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException($"{images.shape[0]} images but labels of shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        if (referenceLabels.dim() != 1 || referenceLabels.shape[0] != referenceImages.shape[0])
            throw new ArgumentException($"{referenceImages.shape[0]} reference images but labels of shape [{string.Join(", ", referenceLabels.shape)}].", nameof(referenceLabels));
        using var scope = NewDisposeScope();
        var (features, probabilities) = classifier.Embed(images);
        var (referenceFeatures, _) = classifier.Embed(referenceImages);
        var requested = labels.to_type(ScalarType.Int64).cpu();
        var truth = referenceLabels.to_type(ScalarType.Int64).cpu();
        var predicted = probabilities.argmax(1).cpu();
        var names = classifier.ClassNames;
        var rows = new List<ClassScore>();
        for (int c = 0; c < names.Count; c++)
        {
            var mine = requested.eq(c).nonzero().view(-1);
            var theirs = truth.eq(c).nonzero().view(-1);
            if (mine.shape[0] <= k || theirs.shape[0] <= k)
                throw new ArgumentException($"class {names[c]}: {mine.shape[0]} samples and {theirs.shape[0]} reference images; each needs more than k = {k}.", nameof(labels));
            var classFeatures = features.index_select(0, mine);
            var classReference = referenceFeatures.index_select(0, theirs);
            var seen = predicted.index_select(0, mine).data<long>().ToArray();
            var wrong = seen.Where(p => p != c).GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToArray();
            var pr = PrecisionRecall.Compute(classReference, classFeatures, k);
            rows.Add(new ClassScore(c, names[c], seen.Length, (seen.Length - wrong.Sum(g => g.Count())) / (double)seen.Length,
                FrechetDistance.Compute(classFeatures, classReference), pr.Precision, pr.Recall,
                wrong.Length == 0 ? null : (int)wrong[0].Key, wrong.Sum(g => g.Count())));
        }
        return new PerClassReport { Samples = samples, Classes = rows };
    }

    /// <summary>The report as an aligned text table, one class per line.</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine($"per class: {Samples}");
        text.AppendLine($"{"class",-12} {"samples",7} {"accuracy",9} {"Fréchet",8} {"precision",9} {"recall",7}  most often seen instead");
        foreach (var r in Classes)
        {
            var confused = r.MostConfusedWith is { } m ? $"{Classes[m].Name} ({r.Mistakes} wrong in all)" : "–";
            text.AppendLine(string.Create(c, $"{r.Name,-12} {r.Samples,7} {r.LabelAccuracy * 100,8:F1}% {r.FrechetDistance,8:F2} {r.Precision,9:F3} {r.Recall,7:F3}  {confused}"));
        }
        return text.ToString();
    }

    /// <summary>Same as <see cref="ToTable"/>.</summary>
    public override string ToString() => ToTable();
}
