using GanNotebooks.Build;

namespace GanNotebooks.Tests.Build;

public sealed class GlibcxxVersionNeedWeakenerTests
{
    private static string ShippedLibrary()
    {
        var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                   ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(home, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    [Fact]
    public void The_shipped_library_needs_GLIBCXX_3_4_32_and_only_that_one_is_made_weak()
    {
        var elf = File.ReadAllBytes(ShippedLibrary());
        var original = (byte[])elf.Clone();
        var needs = GlibcxxVersionNeedWeakener.ReadVersionNeeds(elf);
        Assert.Contains(needs, n => n.Name == "GLIBCXX_3.4.32" && n.File == "libstdc++.so.6" && n.Flags == 0);

        Assert.True(GlibcxxVersionNeedWeakener.MarkWeak(elf, "GLIBCXX_3.4.32"));

        var after = GlibcxxVersionNeedWeakener.ReadVersionNeeds(elf);
        Assert.All(after.Where(n => n.Name == "GLIBCXX_3.4.32"), n => Assert.Equal(2, n.Flags));
        Assert.All(after.Where(n => n.Name != "GLIBCXX_3.4.32"), n => Assert.Equal(needs.Single(o => o.FlagsOffset == n.FlagsOffset).Flags, n.Flags));
        int changed = elf.Zip(original).Count(p => p.First != p.Second);
        Assert.Equal(1, changed);   // one byte
    }

    [Fact]
    public void Missing_versions_are_those_the_system_lacks()
    {
        var elf = File.ReadAllBytes(ShippedLibrary());
        var old = new HashSet<string>(Enumerable.Range(0, 31).Select(i => $"GLIBCXX_3.4.{i}")) { "GLIBCXX_3.4" };
        Assert.Equal(["GLIBCXX_3.4.32"], GlibcxxVersionNeedWeakener.MissingVersions(elf, old));
        old.Add("GLIBCXX_3.4.32");
        Assert.Empty(GlibcxxVersionNeedWeakener.MissingVersions(elf, old));
        GlibcxxVersionNeedWeakener.MarkWeak(elf, "GLIBCXX_3.4.32");
        old.Remove("GLIBCXX_3.4.32");
        Assert.Empty(GlibcxxVersionNeedWeakener.MissingVersions(elf, old));   // weak needs no longer count
    }

    [Fact]
    public void Provided_versions_are_read_from_a_libstdcxx()
    {
        var bytes = "\0GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0notGLIBCXX_9\0"u8.ToArray();
        Assert.Equal(new HashSet<string> { "GLIBCXX_3.4.29", "GLIBCXX_3.4.30" }, GlibcxxVersionNeedWeakener.ProvidedGlibcxxVersions(bytes));
    }

    [Fact]
    public void Not_an_ELF_file_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => GlibcxxVersionNeedWeakener.ReadVersionNeeds(new byte[100]));
    }

    [Fact]
    public void TorchSharp_loads_and_trains_from_this_build_output()
    {
        // The build put the natives (and, on an old libstdc++, the relaxed libLibTorchSharp.so) beside TorchSharp.dll.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so")));
        using var x = TorchSharp.torch.ones(3, requires_grad: true);
        using var y = (x * x).sum();
        y.backward();
        Assert.Equal(new float[] { 2, 2, 2 }, x.grad!.data<float>().ToArray());
    }
}
