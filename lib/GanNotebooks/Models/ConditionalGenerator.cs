using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// The conditional generator G(z | y): the class label y is looked up in a learned embedding e(y), concatenated to
/// the noise z, and an unconditional generator body turns [z; e(y)] into an image. <see cref="Mlp"/> uses notebook
/// 02's fully connected generator as the body, <see cref="Dcgan"/> notebook 04's convolutional one; any body that
/// takes vectors of <c>latentSize + embeddingSize</c> values works. Introduced in notebook 05-conditional-gan.
/// </summary>
public sealed class ConditionalGenerator : Module<Tensor, Tensor, Tensor>, ILabelEmbeddingGenerator
{
    private readonly Embedding embedding;
    private readonly Module<Tensor, Tensor> body;

    /// <summary>
    /// Wraps <paramref name="body"/>, which must map [batch, <paramref name="latentSize"/> + <paramref name="embeddingSize"/>]
    /// to images. <paramref name="name"/> is the module's name in tables and checkpoints.
    /// </summary>
    public ConditionalGenerator(Module<Tensor, Tensor> body, int classes, int latentSize, int embeddingSize, string name = nameof(ConditionalGenerator))
        : base(name)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a condition needs at least 2 classes");
        if (latentSize <= 0) throw new ArgumentOutOfRangeException(nameof(latentSize), latentSize, "must be at least 1");
        if (embeddingSize <= 0) throw new ArgumentOutOfRangeException(nameof(embeddingSize), embeddingSize, "must be at least 1");
        Classes = classes;
        LatentSize = latentSize;
        EmbeddingSize = embeddingSize;
        embedding = Embedding(classes, embeddingSize);
        this.body = body;
        RegisterComponents();
    }

    /// <summary>Notebook 02's fully connected generator with a label embedding (<paramref name="config"/>'s latent size is that of z alone).</summary>
    public static ConditionalGenerator Mlp(int classes = 10, MlpGanConfig? config = null, int embeddingSize = 10)
    {
        var c = (config ?? new MlpGanConfig()).Validate();
        return new ConditionalGenerator(new MlpGenerator(c with { LatentSize = c.LatentSize + embeddingSize }),
            classes, c.LatentSize, embeddingSize, "ConditionalMlpGenerator");
    }

    /// <summary>Notebook 04's DCGAN generator with a label embedding (<paramref name="config"/>'s latent size is that of z alone).</summary>
    public static ConditionalGenerator Dcgan(int classes = 10, DcganConfig? config = null, int embeddingSize = 10)
    {
        var c = (config ?? new DcganConfig()).Validate();
        return new ConditionalGenerator(new DcganGenerator(c with { LatentSize = c.LatentSize + embeddingSize }),
            classes, c.LatentSize, embeddingSize, "ConditionalDcganGenerator");
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Length of the noise vector z (without the embedding).</summary>
    public int LatentSize { get; }

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
        if (z.dim() != 2 || z.shape[1] != LatentSize)
            throw new ArgumentException($"expected noise [batch, {LatentSize}], got [{string.Join(", ", z.shape)}].", nameof(z));
        if (embedded.dim() != 2 || embedded.shape[1] != EmbeddingSize || embedded.shape[0] != z.shape[0])
            throw new ArgumentException($"expected embeddings [{z.shape[0]}, {EmbeddingSize}], got [{string.Join(", ", embedded.shape)}].", nameof(embedded));
        using var scope = NewDisposeScope();
        return body.call(cat([z, embedded], 1)).MoveToOuterDisposeScope();
    }
}
