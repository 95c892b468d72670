using GanNotebooks.Data;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Data;

public sealed class ShuffledBatchesTests
{
    /// <summary>Images whose single pixel holds their own index, so a batch tells which images it holds.</summary>
    private static Tensor Numbered(int count) => arange(count, dtype: float32).view(count, 1, 1, 1);

    private static List<long[]> Take(ShuffledBatches batches, int count)
    {
        var seen = new List<long[]>();
        while (seen.Count < count)
            foreach (var batch in batches.NextEpoch())
            {
                using (batch) seen.Add(batch.flatten().to(int64).data<long>().ToArray());
                if (seen.Count == count) break;
            }
        return seen;
    }

    [Fact]
    public void Each_epoch_covers_every_image_once_in_a_new_order()
    {
        using var images = Numbered(40);
        var batches = new ShuffledBatches(images, 10, seed: 3);
        var epochs = Take(batches, 8).Chunk(4).Select(e => e.SelectMany(b => b).ToArray()).ToArray();
        Assert.All(epochs, e => Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), e.Order()));
        Assert.NotEqual(epochs[0], epochs[1]);
        Assert.Equal(new DataPosition(3, 10, 2, 0), batches.Position);
    }

    [Fact]
    public void The_order_is_a_pure_function_of_seed_and_epoch()
    {
        using var images = Numbered(40);
        var a = new ShuffledBatches(images, 10, seed: 3);
        var b = new ShuffledBatches(images, 10, seed: 3);
        Take(a, 9);
        Assert.Equal(a.OrderOf(5), b.OrderOf(5));
        Assert.NotEqual(a.OrderOf(5), new ShuffledBatches(images, 10, seed: 4).OrderOf(5));
        Assert.NotEqual(a.OrderOf(5), a.OrderOf(6));
    }

    [Fact]
    public void Seek_continues_exactly_where_a_run_stopped()
    {
        using var images = Numbered(50);
        var whole = Take(new ShuffledBatches(images, 8, seed: 1), 20);   // 6 batches an epoch, 2 images dropped
        var first = new ShuffledBatches(images, 8, seed: 1);
        var head = Take(first, 9);
        Assert.Equal(new DataPosition(1, 8, 1, 3), first.Position);
        var resumed = new ShuffledBatches(images, 8, seed: 1);
        resumed.Seek(first.Position);
        var tail = Take(resumed, 11);
        Assert.Equal(whole, head.Concat(tail));
    }

    [Fact]
    public void Seek_rejects_a_position_of_another_order()
    {
        using var images = Numbered(50);
        var batches = new ShuffledBatches(images, 8, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => batches.Seek(new DataPosition(2, 8, 0, 0)));
        Assert.Contains("seed 1", error.Message);
        Assert.Contains("seed 2", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => batches.Seek(new DataPosition(1, 8, 0, 7)));
    }
}
