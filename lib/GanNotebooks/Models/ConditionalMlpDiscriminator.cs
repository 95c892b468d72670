using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// The conditional fully connected discriminator D(x | y): the flattened image is concatenated with a learned
/// embedding of its claimed label, so D judges "is this a real image of class y?". Hidden layers as in
/// <see cref="MlpDiscriminator"/>. Introduced in notebook 05-conditional-gan.
/// </summary>
public sealed class ConditionalMlpDiscriminator : Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly Sequential layers;

    /// <summary>A discriminator for <paramref name="classes"/> classes with an embedding of <paramref name="embeddingSize"/> values per class.</summary>
    public ConditionalMlpDiscriminator(int classes = 10, MlpGanConfig? config = null, int embeddingSize = 10) : base(nameof(ConditionalMlpDiscriminator))
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a condition needs at least 2 classes");
        if (embeddingSize <= 0) throw new ArgumentOutOfRangeException(nameof(embeddingSize), embeddingSize, "must be at least 1");
        var c = (config ?? new MlpGanConfig()).Validate();
        if (c.DiscriminatorMinibatchStdDev || c.DiscriminatorSpectralNorm)
            throw new ArgumentException("MlpGanConfig.DiscriminatorMinibatchStdDev and DiscriminatorSpectralNorm are not available for the conditional " +
                "discriminator; leave them false.", nameof(config));
        embedding = Embedding(classes, embeddingSize);
        layers = Sequential();
        long width = c.ImagePixels + embeddingSize;
        for (int i = 0; i < c.DiscriminatorHidden.Count; i++)
        {
            layers.append($"linear{i + 1}", Linear(width, c.DiscriminatorHidden[i]));
            layers.append($"leaky{i + 1}", LeakyReLU(c.LeakySlope));
            width = c.DiscriminatorHidden[i];
        }
        layers.append("output", Linear(width, 1));
        RegisterComponents();
    }

    /// <summary>Maps images [batch, channels, size, size] and labels [batch] to logits [batch].</summary>
    public override Tensor forward(Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var input = cat([images.flatten(1), embedding.call(labels)], 1);
        return layers.forward(input).view(-1).MoveToOuterDisposeScope();
    }
}
