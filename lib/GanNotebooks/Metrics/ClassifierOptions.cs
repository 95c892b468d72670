using System.Text.Json.Serialization;

namespace GanNotebooks.Metrics;

/// <summary>
/// How the evaluation classifier is trained. Defaults train <see cref="ClassifierNetwork"/> in about a minute on
/// two idle CPU cores for Fashion-MNIST (seconds on the MNIST subset): 5 epochs of Adam (learning rate 2e-3, times
/// 0.7 after each epoch) in batches of 128, seed 2019. The options are part of the cache's identity: changing them
/// retrains. Introduced in notebook 07-evaluating-gans.
/// </summary>
public sealed record ClassifierOptions
{
    /// <summary>Passes over the training split. Default 5.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Images per training step. Default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam's step size in the first epoch. Default 2e-3.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Factor applied to the step size after each epoch (1 keeps it constant). Default 0.7.</summary>
    public double LearningRateDecay { get; init; } = 0.7;

    /// <summary>Seed of the weight initialisation and of the batch order, so that training is repeatable. Default 2019.</summary>
    public long Seed { get; init; } = 2019;

    /// <summary>
    /// Use only the first this many training images (null: all). For quick experiments and tests; a cache trained
    /// on fewer images is kept apart from one trained on all of them because the options differ. Default null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TrainLimit { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public ClassifierOptions Validate()
    {
        if (Epochs is < 1 or > 100)
            throw new ArgumentException($"ClassifierOptions.Epochs = {Epochs} must be between 1 and 100 (try 5).", nameof(Epochs));
        if (BatchSize is < 1 or > 65_536)
            throw new ArgumentException($"ClassifierOptions.BatchSize = {BatchSize} must be between 1 and 65,536 (try 128).", nameof(BatchSize));
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new ArgumentException($"ClassifierOptions.LearningRate = {LearningRate} must be a positive number (try 2e-3).", nameof(LearningRate));
        if (!(LearningRateDecay > 0 && LearningRateDecay <= 1))
            throw new ArgumentException($"ClassifierOptions.LearningRateDecay = {LearningRateDecay} must be in (0, 1] (try 0.7).", nameof(LearningRateDecay));
        if (TrainLimit is < 1)
            throw new ArgumentException($"ClassifierOptions.TrainLimit = {TrainLimit} must be at least 1, or null for the whole training split.", nameof(TrainLimit));
        return this;
    }
}
