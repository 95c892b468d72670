using GanNotebooks.Data;

namespace GanNotebooks.Tests.Metrics;

/// <summary>
/// A tiny, easy ten-class data set in the canonical MNIST file layout: class k is a bright 7 × 7 square at the k-th
/// of ten positions, with random grey noise. A classifier learns it in one short epoch.
/// </summary>
public static class SyntheticShapes
{
    public static byte[] Images(int count, int seed, out byte[] labels)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 784];
        labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            var label = i % 10;
            labels[i] = (byte)label;
            int top = 2 + label / 5 * 12, left = 1 + label % 5 * 5;
            for (int p = 0; p < 784; p++) pixels[i * 784 + p] = (byte)random.Next(0, 60);
            for (int r = top; r < top + 7; r++)
                for (int c = left; c < Math.Min(28, left + 7); c++)
                    pixels[i * 784 + r * 28 + c] = (byte)random.Next(200, 256);
        }
        return pixels;
    }

    /// <summary>Writes the four files of a set into <c>&lt;dataRoot&gt;/mnist</c> with a SOURCE.json.</summary>
    public static void Write(string dataRoot, int trainCount = 600, int testCount = 200)
    {
        var folder = DataSets.FolderOf(DataSetName.Mnist, dataRoot);
        foreach (var (split, count, seed) in new[] { (DataSplit.Train, trainCount, 1), (DataSplit.Test, testCount, 2) })
        {
            var pixels = Images(count, seed, out var labels);
            IdxWriter.WriteImages(Path.Combine(folder, DataSets.ImagesFileName(split)), pixels, count, 28, 28);
            IdxWriter.WriteLabels(Path.Combine(folder, DataSets.LabelsFileName(split)), labels);
        }
        new DataSetSource { DataSet = "mnist", Source = "Synthetic squares for tests.", Kind = "test" }.Write(folder);
    }
}
