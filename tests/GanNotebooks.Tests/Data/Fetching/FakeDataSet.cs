using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Tests.Data.Fetching;

/// <summary>A tiny but valid data set (four .gz IDX files) served by a local server, with its catalog entry.</summary>
public sealed class FakeDataSet
{
    public FakeDataSet(int train = 30, int test = 10)
    {
        using var temp = new TempFolder();
        Write(temp, DataSplit.Train, train);
        Write(temp, DataSplit.Test, test);
        Files = DataSets.FileNames.ToDictionary(f => f, f => File.ReadAllBytes(temp.File(f)));
        CatalogFiles = DataSets.FileNames
            .Select(f => new CatalogFile(f, Files[f].Length, FileHashes.Sha256(temp.File(f)), 0, null)).ToArray();
    }

    public IReadOnlyDictionary<string, byte[]> Files { get; }

    public IReadOnlyList<CatalogFile> CatalogFiles { get; }

    public DataSetCatalogEntry Catalog(params Uri[] mirrors) => new(DataSetName.Mnist, mirrors, CatalogFiles);

    public void ServeFrom(LocalHttpServer server)
    {
        foreach (var (name, bytes) in Files)
            server.Serve(name, bytes);
    }

    private static void Write(TempFolder temp, DataSplit split, int count)
    {
        var pixels = Enumerable.Range(0, count * 784).Select(i => (byte)(i * 31 % 256)).ToArray();
        IdxWriter.WriteImages(temp.File(DataSets.ImagesFileName(split)), pixels, count, 28, 28);
        IdxWriter.WriteLabels(temp.File(DataSets.LabelsFileName(split)), Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());
    }
}
