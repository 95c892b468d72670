using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Data;

/// <summary>
/// One split of an image data set, ready for training a GAN: <see cref="Images"/> as float32 [N, C, rows, cols]
/// scaled to [-1, 1] (x / 127.5 − 1, the range of a tanh generator) and <see cref="Labels"/> as int64 [N].
/// Load it with <see cref="DataSets.Load"/>; dispose it to free the tensors. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class ImageDataSet : IDisposable
{
    private readonly int[] _classCounts;

    internal ImageDataSet(DataSetName name, DataSplit split, IdxImages images, byte[] labels,
        IReadOnlyList<string> classNames, string source, bool isSubset)
        : this(name, split, images.Pixels, images.Count, 1, images.Rows, images.Columns, labels, classNames, source, isSubset)
    {
    }

    /// <summary>A data set from pixel bytes in [N, channels, rows, cols] order (0..255) and one label byte per image.</summary>
    internal ImageDataSet(DataSetName name, DataSplit split, byte[] pixels, int count, int channels, int rows, int columns,
        byte[] labels, IReadOnlyList<string> classNames, string source, bool isSubset)
    {
        Name = name;
        Split = split;
        ClassNames = classNames;
        Source = source;
        IsSubset = isSubset;
        Count = count;
        _classCounts = new int[classNames.Count];
        foreach (var label in labels)
            _classCounts[label]++;

        var scaled = new float[pixels.Length];
        for (var i = 0; i < scaled.Length; i++)
            scaled[i] = pixels[i] / 127.5f - 1f;
        Images = tensor(scaled, [count, channels, rows, columns], ScalarType.Float32);
        Labels = tensor(labels.Select(l => (long)l).ToArray(), [labels.Length], ScalarType.Int64);
    }

    /// <summary>Which data set this is.</summary>
    public DataSetName Name { get; }

    /// <summary>Which split this is.</summary>
    public DataSplit Split { get; }

    /// <summary>The images: float32, shape [N, C, rows, cols] (1 × 28 × 28 for MNIST and Fashion-MNIST, 3 × 32 × 32 for SVHN), values in [-1, 1].</summary>
    public Tensor Images { get; }

    /// <summary>The class of each image: int64, shape [N], values 0 to <c>ClassNames.Count − 1</c>.</summary>
    public Tensor Labels { get; }

    /// <summary>Class names by label: digits "0" to "9", or the ten Fashion-MNIST article names.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of images (N).</summary>
    public int Count { get; }

    /// <summary>True when the files hold only part of the canonical data set (e.g. the offline MNIST fallback).</summary>
    public bool IsSubset { get; }

    /// <summary>One sentence saying where the files came from (from <c>SOURCE.json</c>).</summary>
    public string Source { get; }

    /// <summary>Number of images of each class: element k counts the images labelled <c>ClassNames[k]</c>.</summary>
    public IReadOnlyList<int> ClassCounts() => _classCounts.ToArray();

    /// <summary>
    /// The first <paramref name="perClass"/> images of each class, class by class (all of class 0, then class 1, …),
    /// with their labels: a balanced, repeatable sample, e.g. one row per class in a grid. Introduced in notebook
    /// 05-conditional-gan.
    /// </summary>
    /// <exception cref="ArgumentException">A class has fewer than <paramref name="perClass"/> images.</exception>
    public (Tensor Images, Tensor Labels) TakePerClass(int perClass)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass, 1);
        var tooSmall = Array.FindIndex(_classCounts, n => n < perClass);
        if (tooSmall >= 0)
            throw new ArgumentException($"class {ClassNames[tooSmall]} has only {_classCounts[tooSmall]} images, fewer than {perClass}.", nameof(perClass));
        var labels = Labels.data<long>().ToArray();
        var rows = Enumerable.Range(0, ClassNames.Count)
            .SelectMany(c => Enumerable.Range(0, Count).Where(i => labels[i] == c).Take(perClass))
            .Select(i => (long)i).ToArray();
        using var index = tensor(rows);
        return (Images.index_select(0, index), Labels.index_select(0, index));
    }

    /// <summary>A one-line description, e.g. for a notebook cell's output.</summary>
    public override string ToString() =>
        $"{Name.ToDisplayName()} {Split.ToString().ToLowerInvariant()}: {Count:N0} images [{string.Join(", ", Images.shape)}]"
        + (IsSubset ? " (SUBSET)" : "") + $". {Source}";

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
