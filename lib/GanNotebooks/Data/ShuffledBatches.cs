using static TorchSharp.torch;

namespace GanNotebooks.Data;

/// <summary>
/// Mini-batches of a tensor data set in a new random order each epoch, reproducible from a seed. Each batch is a
/// fresh tensor the caller disposes (or leaves to a dispose scope). Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class ShuffledBatches
{
    private readonly Tensor images;
    private readonly Random random;

    /// <summary>Batches of <paramref name="batchSize"/> rows of <paramref name="images"/>; the last partial batch is dropped.</summary>
    public ShuffledBatches(Tensor images, int batchSize, int seed = 0)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be at least 1");
        if (images.shape[0] < batchSize)
            throw new ArgumentException($"batch size {batchSize} is larger than the data set ({images.shape[0]} images).", nameof(batchSize));
        this.images = images;
        BatchSize = batchSize;
        random = new Random(seed);
    }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Full batches per epoch.</summary>
    public int BatchesPerEpoch => (int)(images.shape[0] / BatchSize);

    /// <summary>One epoch: every image at most once, in a new random order.</summary>
    public IEnumerable<Tensor> NextEpoch()
    {
        var order = Enumerable.Range(0, (int)images.shape[0]).Select(i => (long)i).ToArray();
        random.Shuffle(order);
        for (int b = 0; b < BatchesPerEpoch; b++)
        {
            using var index = tensor(order.AsSpan(b * BatchSize, BatchSize).ToArray());
            yield return images.index_select(0, index);
        }
    }
}
