using GanNotebooks.Data.Mat;
using GanNotebooks.IO;

namespace GanNotebooks.Data;

/// <summary>
/// SVHN's cropped-digit files (<c>train_32x32.mat</c>, <c>test_32x32.mat</c>): <c>X</c> uint8 [32, 32, 3, N] and
/// <c>y</c> [N, 1] with labels 1..10, where 10 stands for the digit 0. Loaded as colour images [N, 3, 32, 32] in
/// [-1, 1] with labels 0..9. Introduced in notebook 04-dcgan.
/// </summary>
public static class SvhnFiles
{
    /// <summary>The file of a split.</summary>
    public static string FileName(DataSplit split) => split == DataSplit.Train ? "train_32x32.mat" : "test_32x32.mat";

    /// <summary>Loads one split from <paramref name="folder"/>.</summary>
    public static ImageDataSet Load(string folder, DataSplit split, (string Source, bool IsSubset) origin)
    {
        var path = Path.Combine(folder, FileName(split));
        if (PathCheck.Classify(path) == PathKind.Missing) throw new DataSetNotFoundException(DataSetName.Svhn, path);
        var arrays = new MatV5Reader(path).Read(new HashSet<string> { "X", "y" });
        var x = arrays.GetValueOrDefault("X") ?? throw Missing(path, "X");
        if (x.Bytes is null || x.Dimensions is not [32, 32, 3, var count])
            throw new DataFileException(path, $"{path}: 'X' is {x.ClassName} {string.Join("×", x.Dimensions)}, not uint8 32×32×3×N as in SVHN. Fetch it again: ./gan data fetch svhn.");
        var labels = Labels(path, arrays.GetValueOrDefault("y") ?? throw Missing(path, "y"), count);
        return new ImageDataSet(DataSetName.Svhn, split, ToChannelsRowsColumns(x.Bytes, count), count, 3, 32, 32, labels,
            DataSets.ClassNamesOf(DataSetName.Svhn), origin.Source, origin.IsSubset);
    }

    /// <summary>The labels (0..9) of a split's file, without loading its images into tensors.</summary>
    public static byte[] ReadLabels(string path)
    {
        var y = new MatV5Reader(path).Read(new HashSet<string> { "y" }).GetValueOrDefault("y") ?? throw Missing(path, "y");
        return Labels(path, y, (int)y.Count);
    }

    private static byte[] Labels(string path, MatArray y, int count)
    {
        var values = y.Values ?? y.Bytes?.Select(b => (double)b).ToArray() ?? [];
        if (values.Length != count)
            throw new DataFileException(path, $"{path}: 'y' holds {values.Length:N0} labels but 'X' holds {count:N0} images. Fetch it again: ./gan data fetch svhn.");
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            double v = values[i];
            if (v is < 1 or > 10 || v != Math.Floor(v))
                throw new DataFileException(path, $"{path}: label {v} at position {i} is not in 1..10. Fetch it again: ./gan data fetch svhn.");
            labels[i] = (byte)(v == 10 ? 0 : v);
        }
        return labels;
    }

    /// <summary>MATLAB's column-major [row, col, channel, n] to [n, channel, row, col].</summary>
    private static byte[] ToChannelsRowsColumns(byte[] x, int count)
    {
        var result = new byte[x.Length];
        Parallel.For(0, count, n =>
        {
            for (int ch = 0; ch < 3; ch++)
                for (int c = 0; c < 32; c++)
                    for (int r = 0; r < 32; r++)
                        result[n * 3072 + ch * 1024 + r * 32 + c] = x[r + 32 * c + 1024 * ch + 3072 * n];
        });
        return result;
    }

    private static DataFileException Missing(string path, string name) =>
        new(path, $"{path}: no array '{name}' (an SVHN file holds 'X' and 'y'). Fetch it again: ./gan data fetch svhn.");
}
