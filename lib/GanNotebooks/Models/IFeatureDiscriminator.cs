using static TorchSharp.torch;

namespace GanNotebooks.Models;

/// <summary>
/// A discriminator split at its last hidden layer: <see cref="Features"/> maps inputs to that layer's activations
/// f(x), <see cref="Classify"/> maps f(x) to one logit per sample, and together they give the ordinary forward pass.
/// Feature matching (<see cref="Training.GeneratorLossKind.FeatureMatching"/>) trains G to match the batch mean of
/// f on real data. Implemented by <see cref="MlpDiscriminator"/>, <see cref="DcganDiscriminator"/> and
/// <see cref="Toy.Toy2DDiscriminator"/>. Introduced in notebook 06-failure-modes.
/// </summary>
public interface IFeatureDiscriminator
{
    /// <summary>The last hidden layer's activations for a batch of inputs (first dimension: the batch).</summary>
    Tensor Features(Tensor x);

    /// <summary>One logit per sample [batch] from what <see cref="Features"/> returned.</summary>
    Tensor Classify(Tensor features);
}
