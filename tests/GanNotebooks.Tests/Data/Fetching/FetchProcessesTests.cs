using System.Diagnostics;
using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Tests.Data.Fetching;

/// <summary>Fetches in separate OS processes (this test assembly run as <see cref="FetchProcessProgram"/>) against a local server.</summary>
public class FetchProcessesTests
{
    private static Process StartFetch(string dataRoot, Uri mirror)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", typeof(FetchProcessProgram).Assembly.Location, FetchProcessProgram.Command, dataRoot, mirror.ToString() })
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    private static (int ExitCode, string Output, string Error) Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(90)), "a fetch process did not finish within 90 s");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Two_processes_fetching_the_same_set_into_one_empty_folder_both_succeed_and_download_it_once()
    {
        // Each response waits 1.5 s, so one process holds the lock for at least 6 s: the other arrives while it is held.
        using var server = new LocalHttpServer { Delay = TimeSpan.FromSeconds(1.5) };
        var fake = new FakeDataSet();
        fake.ServeFrom(server);
        using var temp = new TempFolder();

        using var first = StartFetch(temp.Path, server.BaseUrl);
        using var second = StartFetch(temp.Path, server.BaseUrl);
        var results = new[] { Finish(first), Finish(second) };

        foreach (var (exitCode, output, error) in results)
        {
            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}\n{error}");
            Assert.Contains("fetched download 30 10", output);
        }
        Assert.Equal(4, server.Requests.Count);   // downloaded once, by whichever process took the lock first
        var waited = Assert.Single(results, r => r.Output.Contains("Waiting for another fetch to finish"));
        Assert.Contains("is already in", waited.Output);
        Assert.DoesNotContain("Downloading", waited.Output);

        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        foreach (var file in fake.CatalogFiles)
            Assert.Equal(file.Sha256, FileHashes.Sha256(Path.Combine(folder, file.FileName)));
        Assert.True(DataVerifier.Verify(DataSetName.Mnist, temp.Path, fake.Catalog()).Ok);
        var expected = fake.CatalogFiles.Select(f => f.FileName).Append(DataSetSource.FileName).Append(DataFetcher.LockFileName).Order();
        Assert.Equal(expected, Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order());   // no .part or temporary files
    }

    [Fact]
    public void A_fetch_process_served_a_file_with_the_wrong_checksum_fails_and_leaves_nothing_at_its_path()
    {
        using var server = new LocalHttpServer();
        var fake = new FakeDataSet();
        fake.ServeFrom(server);
        var damaged = DataSets.LabelsFileName(DataSplit.Train);
        var bytes = fake.Files[damaged].ToArray();
        bytes[bytes.Length / 2] ^= 0x5A;
        server.Serve(damaged, bytes);
        using var temp = new TempFolder();

        using var process = StartFetch(temp.Path, server.BaseUrl);
        var (exitCode, output, error) = Finish(process);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Could not download {damaged}", error);
        Assert.Contains("does not match the expected", error);
        var folder = DataSets.FolderOf(DataSetName.Mnist, temp.Path);
        Assert.False(File.Exists(Path.Combine(folder, damaged)), output);
        Assert.False(File.Exists(Path.Combine(folder, damaged + ".part")));
        Assert.False(File.Exists(Path.Combine(folder, DataSetSource.FileName)));
        Assert.Empty(Directory.GetFiles(folder, "*.part"));
    }
}
