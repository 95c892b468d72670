using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanNotebooks.Metrics;

/// <summary>
/// Every metric of one set of samples, with what it was measured against: printable as a table
/// (<see cref="ToTable"/>) and serialisable as JSON (<see cref="ToJson"/>, <see cref="FromJson"/>). Produced by
/// <see cref="SampleEvaluator"/>. Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed record EvaluationReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>What was evaluated, e.g. a file path or "generated batch".</summary>
    public required string Samples { get; init; }

    /// <summary>Number of samples.</summary>
    public required int SampleCount { get; init; }

    /// <summary>The data set (key, e.g. <c>mnist</c>) whose classifier and test split were used.</summary>
    public required string DataSet { get; init; }

    /// <summary>True when the data set is a subset of the canonical one: numbers are not comparable with the full set's.</summary>
    public required bool IsSubset { get; init; }

    /// <summary>Number of real test images the samples were compared with.</summary>
    public required int ReferenceCount { get; init; }

    /// <summary>The classifier's accuracy on the test split.</summary>
    public required double ClassifierTestAccuracy { get; init; }

    /// <summary>Fréchet distance in the classifier's feature space to the test split (<see cref="Metrics.FrechetDistance"/>); lower is better.</summary>
    public required double FrechetDistance { get; init; }

    /// <summary>Classifier Inception Score (<see cref="Metrics.InceptionScore"/>), from 1 to the number of classes; higher is better.</summary>
    public required double InceptionScore { get; init; }

    /// <summary>Class coverage of the samples (<see cref="Metrics.ModeCoverage"/>).</summary>
    public required ModeCoverage Coverage { get; init; }

    /// <summary>k-NN precision and recall against the test split (<see cref="Metrics.PrecisionRecall"/>).</summary>
    public required PrecisionRecall PrecisionRecall { get; init; }

    /// <summary>For conditional samples, the share classified as the requested label (<see cref="Metrics.LabelAccuracy"/>); null otherwise.</summary>
    public double? LabelAccuracy { get; init; }

    /// <summary>The report as an aligned text table, one metric per line.</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var rows = new List<(string, string)>
        {
            ("samples", $"{SampleCount.ToString("N0", c)} from {Samples}"),
            ("data set", $"{DataSet} test split, {ReferenceCount.ToString("N0", c)} images" + (IsSubset ? " (SUBSET: not comparable with full-set figures)" : "")),
            ("classifier test accuracy", Percent(ClassifierTestAccuracy, 2)),
            ("Fréchet distance (lower is better)", FrechetDistance.ToString("F3", c)),
            ("Inception Score (1 to " + Coverage.Classes + ")", InceptionScore.ToString("F3", c)),
            ($"classes covered (≥ {Percent(Coverage.MinShare, 0)} of samples)", $"{Coverage.ClassesCovered} of {Coverage.Classes}"),
            ("class histogram", string.Join(" ", Coverage.Histogram)),
            ("KL(classes ‖ uniform)", Coverage.KlFromUniform.ToString("F4", c)),
            ($"precision (k = {PrecisionRecall.K})", PrecisionRecall.Precision.ToString("F3", c)),
            ($"recall (k = {PrecisionRecall.K})", PrecisionRecall.Recall.ToString("F3", c)),
        };
        if (LabelAccuracy is { } accuracy) rows.Add(("requested-label accuracy", Percent(accuracy, 2)));
        var width = rows.Max(r => r.Item1.Length);
        var text = new StringBuilder();
        foreach (var (name, value) in rows) text.Append(name.PadRight(width)).Append("  ").AppendLine(value);
        return text.ToString();
    }

    private static string Percent(double share, int decimals) =>
        (share * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";

    /// <summary>The report as indented JSON (camelCase names).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">Not a report.</exception>
    public static EvaluationReport FromJson(string json) =>
        JsonSerializer.Deserialize<EvaluationReport>(json, Json) ?? throw new JsonException("empty document");

    /// <summary>Same as <see cref="ToTable"/>.</summary>
    public override string ToString() => ToTable();
}
