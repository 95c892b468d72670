namespace GanNotebooks.Metrics;

/// <summary>
/// Settings of <see cref="SampleEvaluator"/>. Defaults: k = 3 neighbours for precision and recall, a class counts
/// as covered from 1% of the samples, images through the classifier 500 at a time, distance blocks of 1,024 rows.
/// Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>The neighbour whose distance sets each k-NN radius (<see cref="PrecisionRecall"/>). Default 3.</summary>
    public int K { get; init; } = PrecisionRecall.DefaultK;

    /// <summary>Share of the samples a class needs to count as covered (<see cref="ModeCoverage"/>). Default 0.01.</summary>
    public double MinClassShare { get; init; } = ModeCoverage.DefaultMinShare;

    /// <summary>Images per forward pass of the classifier. Default 500.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Rows per block of pairwise distances (memory ≈ rows × reference size × 4 bytes). Default 1,024.</summary>
    public int DistanceBlockRows { get; init; } = 1024;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public EvaluationOptions Validate()
    {
        if (K is < 1 or > 100)
            throw new ArgumentException($"EvaluationOptions.K = {K} must be between 1 and 100 (try 3).", nameof(K));
        if (!(MinClassShare > 0 && MinClassShare <= 1))
            throw new ArgumentException($"EvaluationOptions.MinClassShare = {MinClassShare} must be in (0, 1] (try 0.01).", nameof(MinClassShare));
        if (BatchSize < 1)
            throw new ArgumentException($"EvaluationOptions.BatchSize = {BatchSize} must be at least 1 (try 500).", nameof(BatchSize));
        if (DistanceBlockRows < 1)
            throw new ArgumentException($"EvaluationOptions.DistanceBlockRows = {DistanceBlockRows} must be at least 1 (try 1024).", nameof(DistanceBlockRows));
        return this;
    }
}
