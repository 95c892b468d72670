using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// The conditional fully connected generator G(z | y): the class label y is looked up in a learned embedding and
/// concatenated to the noise z; the rest is <see cref="MlpGenerator"/>. Introduced in notebook 05-conditional-gan.
/// </summary>
public sealed class ConditionalMlpGenerator : Module<Tensor, Tensor, Tensor>, ILabelEmbeddingGenerator
{
    private readonly Embedding embedding;
    private readonly MlpGenerator body;

    /// <summary>A generator for <paramref name="classes"/> classes with an embedding of <paramref name="embeddingSize"/> values per class.</summary>
    public ConditionalMlpGenerator(int classes = 10, MlpGanConfig? config = null, int embeddingSize = 10) : base(nameof(ConditionalMlpGenerator))
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a condition needs at least 2 classes");
        if (embeddingSize <= 0) throw new ArgumentOutOfRangeException(nameof(embeddingSize), embeddingSize, "must be at least 1");
        Config = (config ?? new MlpGanConfig()).Validate();
        Classes = classes;
        EmbeddingSize = embeddingSize;
        embedding = Embedding(classes, embeddingSize);
        body = new MlpGenerator(Config with { LatentSize = Config.LatentSize + embeddingSize });
        RegisterComponents();
    }

    /// <summary>The sizes (its <see cref="MlpGanConfig.LatentSize"/> is the length of z alone).</summary>
    public MlpGanConfig Config { get; }

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
