using GanNotebooks.IO;

namespace GanNotebooks.Data;

/// <summary>
/// Where the data sets live (<c>&lt;DataRoot&gt;/mnist/</c>, <c>&lt;DataRoot&gt;/fashion-mnist/</c>, under the canonical
/// file names) and how a notebook loads one: <c>DataSets.Load(DataSetName.Mnist, DataSplit.Train)</c>.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class DataSets
{
    private static readonly string[] DigitNames = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private static readonly string[] FashionNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// Loads one split of a data set from <paramref name="dataRoot"/> (default <see cref="KitPaths.DataRoot"/>).
    /// </summary>
    /// <exception cref="DataSetNotFoundException">The data set has not been fetched; the message says how.</exception>
    /// <exception cref="DataFileException">A file is corrupt, or images and labels do not match.</exception>
    public static ImageDataSet Load(DataSetName name, DataSplit split, string? dataRoot = null)
    {
        var folder = FolderOf(name, dataRoot);
        if (name == DataSetName.Svhn) return SvhnFiles.Load(folder, split, SourceOf(folder));
        var imagesPath = Path.Combine(folder, ImagesFileName(split));
        var labelsPath = Path.Combine(folder, LabelsFileName(split));
        foreach (var path in new[] { imagesPath, labelsPath })
            if (PathCheck.Classify(path) == PathKind.Missing)
                throw new DataSetNotFoundException(name, path);

        var images = IdxReader.ReadImages(imagesPath);
        var labels = IdxReader.ReadLabels(labelsPath);
        if (images.Count != labels.Length)
            throw new DataFileException(labelsPath,
                $"{labelsPath}: holds {labels.Length:N0} labels but {imagesPath} holds {images.Count:N0} images. "
                + $"To fix it, delete both and run ./gan data fetch {name.ToKey()}.");
        var classNames = ClassNamesOf(name);
        var badIndex = Array.FindIndex(labels, l => l >= classNames.Count);
        if (badIndex >= 0)
            throw new DataFileException(labelsPath,
                $"{labelsPath}: label {labels[badIndex]} at position {badIndex} is not a class (expected 0 to {classNames.Count - 1}). "
                + $"To fix it, delete it and run ./gan data fetch {name.ToKey()}.");

        var (source, isSubset) = SourceOf(folder);
        return new ImageDataSet(name, split, images, labels, classNames, source, isSubset);
    }

    /// <summary>The files of a data set's folder: IDX files for MNIST and Fashion-MNIST, .mat files for SVHN.</summary>
    public static IReadOnlyList<string> FileNamesOf(DataSetName name) =>
        name == DataSetName.Svhn ? [SvhnFiles.FileName(DataSplit.Train), SvhnFiles.FileName(DataSplit.Test)] : FileNames;

    /// <summary>Images per class in one split, read from the labels file.</summary>
    public static int[] ClassCountsOf(DataSetName name, DataSplit split, string? dataRoot = null)
    {
        var folder = FolderOf(name, dataRoot);
        var labels = name == DataSetName.Svhn
            ? SvhnFiles.ReadLabels(Path.Combine(folder, SvhnFiles.FileName(split)))
            : IdxReader.ReadLabels(Path.Combine(folder, LabelsFileName(split)));
        var counts = new int[ClassNamesOf(name).Count];
        foreach (var label in labels) if (label < counts.Length) counts[label]++;
        return counts;
    }

    private static (string Source, bool IsSubset) SourceOf(string folder)
    {
        var record = DataSetSource.TryRead(folder);
        return (record?.Source
            ?? $"Files found in {folder} without a {DataSetSource.FileName}, so their origin is unknown (check them with ./gan data verify).",
            record?.IsSubset ?? false);
    }

    /// <summary>The folder of a data set: <c>&lt;dataRoot&gt;/mnist</c> or <c>&lt;dataRoot&gt;/fashion-mnist</c>.</summary>
    public static string FolderOf(DataSetName name, string? dataRoot = null) =>
        Path.Combine(Path.GetFullPath(dataRoot ?? KitPaths.DataRoot), name.ToKey());

    /// <summary>Canonical image file name: <c>train-images-idx3-ubyte.gz</c> or <c>t10k-images-idx3-ubyte.gz</c>.</summary>
    public static string ImagesFileName(DataSplit split) => $"{Prefix(split)}-images-idx3-ubyte.gz";

    /// <summary>Canonical label file name: <c>train-labels-idx1-ubyte.gz</c> or <c>t10k-labels-idx1-ubyte.gz</c>.</summary>
    public static string LabelsFileName(DataSplit split) => $"{Prefix(split)}-labels-idx1-ubyte.gz";

    /// <summary>The four canonical file names of a data set, train before test, images before labels.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        ImagesFileName(DataSplit.Train), LabelsFileName(DataSplit.Train),
        ImagesFileName(DataSplit.Test), LabelsFileName(DataSplit.Test),
    ];

    /// <summary>
    /// Whether something is in the place of each of the data set's files (not whether they are intact, nor even files:
    /// a directory there counts, so that loading it says what it is instead of "not fetched").
    /// </summary>
    public static bool IsPresent(DataSetName name, string? dataRoot = null)
    {
        var folder = FolderOf(name, dataRoot);
        return FileNamesOf(name).All(file => PathCheck.Classify(Path.Combine(folder, file)) != PathKind.Missing);
    }

    /// <summary>Class names by label: digits for MNIST, article names for Fashion-MNIST.</summary>
    public static IReadOnlyList<string> ClassNamesOf(DataSetName name) => name switch
    {
        DataSetName.Mnist => DigitNames,
        DataSetName.FashionMnist => FashionNames,
        DataSetName.Svhn => DigitNames,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown data set."),
    };

    private static string Prefix(DataSplit split) => split == DataSplit.Train ? "train" : "t10k";
}
