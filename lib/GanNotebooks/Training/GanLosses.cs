using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace GanNotebooks.Training;

/// <summary>
/// The GAN losses, written on the discriminator's logits (D(x) = sigmoid(logit)) with binary cross-entropy, which
/// is numerically stable where log(sigmoid) is not. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class GanLosses
{
    /// <summary>
    /// The discriminator's two loss terms, each a batch mean: −log D(x) on real images and −log(1 − D(G(z))) on
    /// generated ones. Their sum is the negative of the value D maximises in the minimax game. With
    /// <paramref name="realTarget"/> below 1 (e.g. 0.9: one-sided label smoothing, Salimans et al. 2016) the real term
    /// becomes the cross-entropy against that target, which keeps D from growing over-confident on real images.
    /// </summary>
    public static (Tensor Real, Tensor Fake) Discriminator(Tensor realLogits, Tensor fakeLogits, double realTarget = 1.0)
    {
        if (!(realTarget > 0.5 && realTarget <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(realTarget), realTarget, "the target for real images must be in (0.5, 1]");
        var real = binary_cross_entropy_with_logits(realLogits, full_like(realLogits, realTarget));
        var fake = binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
        return (real, fake);
    }

    /// <summary>
    /// The generator's loss (a batch mean) on D's logits for generated images: −log D(G(z)) for
    /// <see cref="GeneratorLossKind.NonSaturating"/>, log(1 − D(G(z))) for <see cref="GeneratorLossKind.Minimax"/>.
    /// </summary>
    public static Tensor Generator(Tensor fakeLogits, GeneratorLossKind kind) => kind switch
    {
        GeneratorLossKind.NonSaturating => binary_cross_entropy_with_logits(fakeLogits, ones_like(fakeLogits)),
        GeneratorLossKind.Minimax => binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits)).neg(),
        GeneratorLossKind.FeatureMatching => throw new ArgumentException(
            "feature matching works on D's features, not its logits: use GanLosses.FeatureMatching.", nameof(kind)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown generator loss"),
    };

    /// <summary>
    /// Feature matching (Salimans et al. 2016): the squared Euclidean distance between the batch means of the
    /// discriminator's features on real and on generated samples, ‖mean f(x) − mean f(G(z))‖² (features of any
    /// shape, first dimension the batch). 0 when the means agree. Introduced in notebook 06-failure-modes.
    /// </summary>
    public static Tensor FeatureMatching(Tensor realFeatures, Tensor fakeFeatures)
    {
        if (!realFeatures.shape.Skip(1).SequenceEqual(fakeFeatures.shape.Skip(1)))
            throw new ArgumentException($"real features [{string.Join(", ", realFeatures.shape)}] and generated features " +
                $"[{string.Join(", ", fakeFeatures.shape)}] must have the same shape after the batch dimension.", nameof(fakeFeatures));
        using var scope = NewDisposeScope();
        var difference = realFeatures.flatten(1).mean([0]) - fakeFeatures.flatten(1).mean([0]);
        return difference.square().sum().MoveToOuterDisposeScope();
    }
}
