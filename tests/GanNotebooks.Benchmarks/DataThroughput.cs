using System.Diagnostics;
using GanNotebooks.Data;
using GanNotebooks.Data.ImageFolders;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// Images per second of the kit's data pipeline: decoding Fashion-MNIST's gzip IDX files (the reader alone, and
/// <see cref="DataSets.Load"/> up to the normalised tensor), shuffled batches, and decoding plus centre-crop and resize of a
/// folder of CelebA-sized JPEGs (178×218, made here from Fashion-MNIST: no colour data set is offline) to 64×64.
/// </summary>
/// <param name="Repetitions">Timed repetitions of each measurement.</param>
/// <param name="FolderImages">JPEG files in the image folder.</param>
public sealed record DataThroughput(int Repetitions = 5, int FolderImages = 1_000)
{
    /// <summary>Runs every measurement; each row is (what, images per repetition, images per second of each repetition).</summary>
    public IReadOnlyList<(string What, int Images, TimingSummary ImagesPerSecond)> Run(TextWriter log)
    {
        var rows = new List<(string, int, TimingSummary)>();
        var imagesFile = Path.Combine(DataSets.FolderOf(DataSetName.FashionMnist), DataSets.ImagesFileName(DataSplit.Train));
        rows.Add(Measure("IDX decode (gzip, Fashion-MNIST train)", 60_000, () => IdxReader.ReadImages(imagesFile)));
        rows.Add(Measure("DataSets.Load (decode + normalised tensor)", 60_000, () => DataSets.Load(DataSetName.FashionMnist, DataSplit.Train).Dispose()));
        using (var train = DataSets.Load(DataSetName.FashionMnist, DataSplit.Train))
        {
            var batches = new ShuffledBatches(train.Images, 128, 1);
            rows.Add(Measure("ShuffledBatches, batch 128 (one epoch)", batches.BatchesPerEpoch * 128, () =>
            {
                foreach (var batch in batches.NextEpoch()) batch.Dispose();
            }));
            var folder = Directory.CreateTempSubdirectory("gan-bench-jpeg-").FullName;
            try
            {
                WriteJpegs(train.Images, folder, FolderImages);
                log.WriteLine($"  wrote {FolderImages:N0} JPEGs of 178×218 to {folder}");
                rows.Add(Measure($"image folder: {FolderImages:N0} JPEGs 178×218 → 64×64 colour", FolderImages, () =>
                {
                    using var data = ImageFolder.Load(folder, new ImageFolderOptions { Size = 64 });
                    if (data.Count != FolderImages) throw new InvalidOperationException($"{data.Count} of {FolderImages} images decoded");
                }));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        foreach (var (what, _, speed) in rows) log.WriteLine($"  {what}: {speed.Median:N0} images/s");
        return rows;
    }

    private (string, int, TimingSummary) Measure(string what, int images, Action action)
    {
        action();   // warm-up: JIT, file cache
        var speeds = new double[Repetitions];
        for (int r = 0; r < Repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            speeds[r] = images / clock.Elapsed.TotalSeconds;
        }
        return (what, images, new TimingSummary(speeds));
    }

    /// <summary>Colour JPEGs: three Fashion-MNIST images as red, green and blue, scaled up to CelebA's aligned size.</summary>
    private static void WriteJpegs(Tensor images, string folder, int count)
    {
        using var bytes = images.add(1).mul(127.5).clamp(0, 255).to_type(ScalarType.Byte);
        var pixels = bytes.data<byte>().ToArray();
        Parallel.For(0, count, i =>
        {
            using var image = new Image<Rgb24>(28, 28);
            for (int y = 0; y < 28; y++)
                for (int x = 0; x < 28; x++)
                {
                    int at = y * 28 + x;
                    image[x, y] = new Rgb24(pixels[(3 * i) * 784 + at], pixels[(3 * i + 1) * 784 + at], pixels[(3 * i + 2) * 784 + at]);
                }
            image.Mutate(m => m.Resize(178, 218));
            image.SaveAsJpeg(Path.Combine(folder, $"{i:D6}.jpg"));
        });
    }
}
