using System.Diagnostics;
using System.Security.Cryptography;
using GanNotebooks.IO;
using GanNotebooks.Tests.Data;

// Not "...Tests.Environment": that namespace would hide System.Environment in every test file.
namespace GanNotebooks.Tests.EnvironmentSetup;

/// <summary>
/// environment/setup.sh is idempotent: run on a set-up machine, it installs nothing, says all is present, and leaves
/// the kernel spec and the data folder exactly as they were. (The library build is skipped here: the test run
/// itself has just built it.)
/// </summary>
public sealed class SetupScriptTests
{
    private static readonly string Root = KitPaths.FindRepoRoot(AppContext.BaseDirectory)!;

    private static (int ExitCode, string Output) RunSetup(string jupyterDir, string backend)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = Root };
        info.ArgumentList.Add(Path.Combine(Root, "environment", "setup.sh"));
        info.Environment["JUPYTER_DATA_DIR"] = jupyterDir;
        info.Environment["GAN_DATA_DIR"] = KitPaths.DataRoot;
        info.Environment["GAN_SKIP_BUILD"] = "1";
        info.Environment["GAN_TORCH_BACKEND"] = backend;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(4)), "setup.sh did not finish in 4 minutes");
        return (process.ExitCode, output + error.Result);
    }

    private static SortedDictionary<string, string> Snapshot(params string[] folders)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders.Where(Directory.Exists))
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                using var stream = File.OpenRead(file);
                files[file] = $"{Convert.ToHexString(SHA256.HashData(stream))} {File.GetLastWriteTimeUtc(file):O}";
            }
        return files;
    }

    [Fact]
    public void A_second_run_changes_nothing_and_says_all_is_present()
    {
        using var jupyter = new TempFolder();
        var first = RunSetup(jupyter.Path, "cpu");
        Assert.True(first.ExitCode == 0, first.Output);
        var kernel = Path.Combine(jupyter.Path, "kernels", ".net-csharp", "kernel.json");
        Assert.True(File.Exists(kernel), first.Output);
        var before = Snapshot(jupyter.Path, KitPaths.DataRoot);

        var second = RunSetup(jupyter.Path, "CPU");

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Debian packages: all present.", second.Output);
        Assert.DoesNotContain("Installing", second.Output);
        Assert.Contains("TorchSharp backend: cpu", second.Output);
        Assert.Contains("Set-up complete.", second.Output);
        Assert.Equal(before, Snapshot(jupyter.Path, KitPaths.DataRoot));
    }

    [Fact]
    public void An_unknown_backend_is_refused_before_anything_is_installed()
    {
        using var jupyter = new TempFolder();
        var (code, output) = RunSetup(jupyter.Path, "rocm");
        Assert.Equal(2, code);
        Assert.Contains("GAN_TORCH_BACKEND='rocm' is not a backend: use cpu or cuda", output);
        Assert.Empty(Directory.GetFileSystemEntries(jupyter.Path));
    }
}
