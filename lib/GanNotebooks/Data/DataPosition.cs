namespace GanNotebooks.Data;

/// <summary>
/// Where a <see cref="ShuffledBatches"/> stands: the epoch (0-based) and the index of the next batch within it,
/// with the seed and batch size that fix the order. A checkpoint stores it so that a resumed run sees exactly the
/// batches an uninterrupted run would have seen. Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="Seed">The seed of the shuffled order.</param>
/// <param name="BatchSize">Images per batch.</param>
/// <param name="Epoch">The epoch of the next batch, from 0.</param>
/// <param name="Batch">The index of the next batch within <paramref name="Epoch"/>, from 0.</param>
public readonly record struct DataPosition(int Seed, int BatchSize, int Epoch, int Batch)
{
    /// <inheritdoc />
    public override string ToString() => $"epoch {Epoch}, batch {Batch} (seed {Seed}, batch size {BatchSize})";
}
