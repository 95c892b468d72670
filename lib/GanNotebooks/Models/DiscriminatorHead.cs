using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// Splits a discriminator's layer sequence at its head: the layers named <see cref="MinibatchStdDevName"/> (when
/// present) and <see cref="OutputName"/> form the head, everything before them the features (see
/// <see cref="IFeatureDiscriminator"/>). Introduced in notebook 06-failure-modes.
/// </summary>
internal static class DiscriminatorHead
{
    /// <summary>The name of the final layer that gives the logits.</summary>
    public const string OutputName = "output";

    /// <summary>The name of the minibatch standard deviation layer, which sits just before the output layer.</summary>
    public const string MinibatchStdDevName = "stddev";

    /// <summary>Runs <paramref name="x"/> through the layers before the head.</summary>
    public static Tensor Features(nn.Module layers, Tensor x)
    {
        using var scope = NewDisposeScope();
        foreach (var (name, layer) in layers.named_children())
        {
            if (name is OutputName or MinibatchStdDevName) break;
            x = ((Module<Tensor, Tensor>)layer).call(x);
        }
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Runs <paramref name="features"/> through the head and flattens the logits to [batch].</summary>
    public static Tensor Classify(nn.Module layers, Tensor features)
    {
        using var scope = NewDisposeScope();
        bool inHead = false;
        foreach (var (name, layer) in layers.named_children())
        {
            inHead |= name is OutputName or MinibatchStdDevName;
            if (inHead) features = ((Module<Tensor, Tensor>)layer).call(features);
        }
        return features.view(-1).MoveToOuterDisposeScope();
    }
}
