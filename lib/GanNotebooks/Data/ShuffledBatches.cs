using static TorchSharp.torch;

namespace GanNotebooks.Data;

/// <summary>
/// Mini-batches of a tensor data set in a new random order each epoch. The order of an epoch is a pure function of
/// (seed, epoch), so a run can stop anywhere and continue at the same batch (<see cref="Position"/>,
/// <see cref="Seek"/>). Each batch is a fresh tensor the caller disposes (or leaves to a dispose scope). Introduced
/// in notebook 02-vanilla-gan.
/// </summary>
public sealed class ShuffledBatches
{
    private readonly Tensor images;
    private readonly int seed;
    private int epoch;
    private int batch;

    /// <summary>Batches of <paramref name="batchSize"/> rows of <paramref name="images"/>; the last partial batch is dropped.</summary>
    public ShuffledBatches(Tensor images, int batchSize, int seed = 0)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be at least 1");
        if (images.shape[0] < batchSize)
            throw new ArgumentException($"batch size {batchSize} is larger than the data set ({images.shape[0]} images).", nameof(batchSize));
        this.images = images;
        this.seed = seed;
        BatchSize = batchSize;
    }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Full batches per epoch.</summary>
    public int BatchesPerEpoch => (int)(images.shape[0] / BatchSize);

    /// <summary>The next batch <see cref="NextEpoch"/> hands out: advanced as each batch is yielded.</summary>
    public DataPosition Position => batch >= BatchesPerEpoch ? new(seed, BatchSize, epoch + 1, 0) : new(seed, BatchSize, epoch, batch);

    /// <summary>
    /// Continues at <paramref name="position"/> (from a checkpoint): the next <see cref="NextEpoch"/> starts at its
    /// batch. The seed and batch size must be this instance's, or the order would differ.
    /// </summary>
    public void Seek(DataPosition position)
    {
        if (position.Seed != seed || position.BatchSize != BatchSize)
            throw new ArgumentException($"The data position ({position}) was recorded with another order: these batches have seed {seed} and batch size {BatchSize}. Create ShuffledBatches with seed {position.Seed} and batch size {position.BatchSize} to resume.", nameof(position));
        if (position.Epoch < 0 || position.Batch < 0 || position.Batch > BatchesPerEpoch)
            throw new ArgumentOutOfRangeException(nameof(position), position, $"epoch must be at least 0 and batch in [0, {BatchesPerEpoch}]");
        (epoch, batch) = position.Batch == BatchesPerEpoch ? (position.Epoch + 1, 0) : (position.Epoch, position.Batch);
    }

    /// <summary>The order of the images in <paramref name="epochNumber"/>: the same for the same seed and epoch, always.</summary>
    public long[] OrderOf(int epochNumber)
    {
        var order = new long[images.shape[0]];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        new Random(EpochSeed(seed, epochNumber)).Shuffle(order);
        return order;
    }

    /// <summary>
    /// The rest of the current epoch (all of it, unless a run stopped or <see cref="Seek"/> moved inside it): every
    /// image at most once, in the epoch's own random order. Then the position moves to the next epoch.
    /// </summary>
    public IEnumerable<Tensor> NextEpoch()
    {
        var order = OrderOf(epoch);
        while (batch < BatchesPerEpoch)
        {
            using var index = tensor(order.AsSpan(batch * BatchSize, BatchSize).ToArray());
            var result = images.index_select(0, index);
            batch++;
            yield return result;
        }
        epoch++;
        batch = 0;
    }

    /// <summary>Mixes seed and epoch (SplitMix64 finaliser) into one 31-bit seed.</summary>
    private static int EpochSeed(int seed, int epochNumber)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)epochNumber) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
