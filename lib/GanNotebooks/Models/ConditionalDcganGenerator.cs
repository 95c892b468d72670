using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// The conditional convolutional generator: a learned label embedding is concatenated to z, then a
/// <see cref="DcganGenerator"/> upsamples it. Introduced in notebook 05-conditional-gan.
/// </summary>
public sealed class ConditionalDcganGenerator : Module<Tensor, Tensor, Tensor>, ILabelEmbeddingGenerator
{
    private readonly Embedding embedding;
    private readonly DcganGenerator body;

    /// <summary>A generator for <paramref name="classes"/> classes.</summary>
    public ConditionalDcganGenerator(int classes = 10, DcganConfig? config = null, int embeddingSize = 10) : base(nameof(ConditionalDcganGenerator))
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a condition needs at least 2 classes");
        if (embeddingSize <= 0) throw new ArgumentOutOfRangeException(nameof(embeddingSize), embeddingSize, "must be at least 1");
        Config = (config ?? new DcganConfig()).Validate();
        Classes = classes;
        EmbeddingSize = embeddingSize;
        embedding = Embedding(classes, embeddingSize);
        body = new DcganGenerator(Config with { LatentSize = Config.LatentSize + embeddingSize });
        RegisterComponents();
    }

    /// <summary>The sizes (its <see cref="DcganConfig.LatentSize"/> is the length of z alone).</summary>
    public DcganConfig Config { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Length of one label's embedding vector.</summary>
    public int EmbeddingSize { get; }

    /// <summary>Maps noise [batch, latent] and labels [batch] (int64) to images [batch, channels, size, size].</summary>
    public override Tensor forward(Tensor z, Tensor labels)
    {
        using var scope = NewDisposeScope();
        return GenerateFromEmbedding(z, EmbedLabels(labels)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor EmbedLabels(Tensor labels) => embedding.call(labels);

    /// <inheritdoc />
    public Tensor GenerateFromEmbedding(Tensor z, Tensor embedded)
    {
        if (embedded.dim() != 2 || embedded.shape[1] != EmbeddingSize || embedded.shape[0] != z.shape[0])
            throw new ArgumentException($"expected embeddings [{z.shape[0]}, {EmbeddingSize}], got [{string.Join(", ", embedded.shape)}].", nameof(embedded));
        using var scope = NewDisposeScope();
        return body.forward(cat([z, embedded], 1)).MoveToOuterDisposeScope();
    }
}
