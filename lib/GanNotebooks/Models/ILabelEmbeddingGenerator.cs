using static TorchSharp.torch;

namespace GanNotebooks.Models;

/// <summary>
/// A conditional generator G(z | y) whose label enters through a learned embedding e(y): G(z | y) = body(z, e(y)).
/// Splitting the two halves lets a notebook feed the body any vector, for instance a point between two classes'
/// embeddings, (1 − t)·e(a) + t·e(b). Introduced in notebook 05-conditional-gan.
/// </summary>
public interface ILabelEmbeddingGenerator
{
    /// <summary>Number of classes.</summary>
    int Classes { get; }

    /// <summary>Length of one label's embedding vector.</summary>
    int EmbeddingSize { get; }

    /// <summary>The embedding vectors [batch, <see cref="EmbeddingSize"/>] of labels [batch] (int64).</summary>
    Tensor EmbedLabels(Tensor labels);

    /// <summary>
    /// Images for noise [batch, latent] and embedding vectors [batch, <see cref="EmbeddingSize"/>]; with
    /// <c>EmbedLabels(labels)</c> as the second argument this is exactly <c>forward(z, labels)</c>.
    /// </summary>
    Tensor GenerateFromEmbedding(Tensor z, Tensor embedded);
}
