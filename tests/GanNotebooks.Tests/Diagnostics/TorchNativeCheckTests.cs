using GanNotebooks.Build;
using GanNotebooks.Diagnostics;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class TorchNativeCheckTests
{
    private const string LoadError = "This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64";

    private static byte[] ShippedLibrary()
    {
        var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                   ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return File.ReadAllBytes(Path.Combine(home, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
    }

    /// <summary>A stand-in libstdc++ that provides GLIBCXX_3.4 … 3.4.<paramref name="last"/>.</summary>
    private static string Libstdcxx(TempFolder temp, int last)
    {
        var names = new[] { "GLIBCXX_3.4" }.Concat(Enumerable.Range(1, last).Select(i => $"GLIBCXX_3.4.{i}"));
        var file = temp.File("libstdc++.so.6");
        File.WriteAllText(file, "\0" + string.Join("\0", names) + "\0");
        return file;
    }

    private static string Library(TempFolder temp, bool weak)
    {
        var elf = ShippedLibrary();
        if (weak)
            GlibcxxVersionNeedWeakener.MarkWeak(elf, TorchNativeCheck.RelaxedVersion);
        var file = temp.File("libLibTorchSharp.so");
        File.WriteAllBytes(file, elf);
        return file;
    }

    [Fact]
    public void Passes_and_explains_the_relaxed_requirement_on_an_old_libstdcxx()
    {
        using var temp = new TempFolder();
        var result = new TorchNativeCheck(() => null, Library(temp, weak: true), Libstdcxx(temp, 30)).Run();
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("lacks GLIBCXX_3.4.32", result.Finding);
        Assert.Contains("marked that requirement weak", result.Finding);
    }

    [Fact]
    public void Passes_without_a_note_on_a_new_libstdcxx()
    {
        using var temp = new TempFolder();
        var result = new TorchNativeCheck(() => null, Library(temp, weak: false), Libstdcxx(temp, 33)).Run();
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.DoesNotContain("weak", result.Finding);
    }

    [Fact]
    public void Names_an_unfixed_copy_on_an_old_libstdcxx()
    {
        using var temp = new TempFolder();
        var result = new TorchNativeCheck(() => LoadError, Library(temp, weak: false), Libstdcxx(temp, 30)).Run();
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("lacks GLIBCXX_3.4.32", result.Finding);
        Assert.Contains("not fixed", result.Finding);
        Assert.Contains("./gan build", result.Fix);
        Assert.Contains("build/notebook/", result.Fix);
    }

    [Fact]
    public void A_libstdcxx_too_old_to_relax_asks_for_a_newer_system()
    {
        using var temp = new TempFolder();
        var result = new TorchNativeCheck(() => LoadError, Library(temp, weak: true), Libstdcxx(temp, 10)).Run();
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.DoesNotContain("GLIBCXX_3.4.32", result.Finding);
        Assert.Contains("Ubuntu 24.04", result.Fix);
    }

    [Fact]
    public void Any_other_load_failure_reports_the_error()
    {
        var result = new TorchNativeCheck(() => LoadError, null, null).Run();
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains(LoadError, result.Finding);
        Assert.Contains("Troubleshooting", result.Fix);
    }

    [Fact]
    public void The_real_probe_computes_a_gradient_in_this_process()
    {
        Assert.Null(TorchNativeCheck.ProbeTensorMath());
        Assert.NotNull(TorchNativeCheck.FindLibTorchSharp());
        Assert.Equal(CheckStatus.Pass, new TorchNativeCheck().Run().Status);
    }
}
