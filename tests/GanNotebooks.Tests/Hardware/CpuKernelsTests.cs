using System.Diagnostics;
using GanNotebooks.Hardware;

namespace GanNotebooks.Tests.Hardware;

public sealed class CpuKernelsTests
{
    private static readonly CpuFeatures Zen4 = CpuFeatures.Parse(
    [
        "processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 25", "model\t\t: 17", "model name\t: AMD EPYC 9R14",
        "flags\t\t: fpu sse2 avx fma avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16", "",
        "processor\t: 1", "vendor_id\t: SomethingElse",
    ]);

    private static readonly CpuFeatures Skylake = CpuFeatures.Parse(
        ["vendor_id\t: GenuineIntel", "cpu family\t: 6", "model\t\t: 85", "model name\t: Intel Xeon", "flags\t\t: avx fma avx2 avx512f avx512dq avx512cd avx512bw avx512vl"]);

    private static readonly CpuFeatures OldAmd = CpuFeatures.Parse(["vendor_id\t: AuthenticAMD", "cpu family\t: 21", "model\t\t: 2", "model name\t: AMD Opteron", "flags\t\t: sse2 avx"]);

    [Fact]
    public void The_first_processor_s_vendor_generation_and_instruction_sets_are_read()
    {
        Assert.Equal(("AuthenticAMD", 25, 17), (Zen4.Vendor, Zen4.Family, Zen4.Model));
        Assert.True(Zen4.HasAvx2 && Zen4.HasAvx512 && Zen4.HasAvx512Bf16 && !Zen4.IsIntel);
        Assert.Equal("AMD EPYC 9R14 (AuthenticAMD, family 25 model 17; AVX2, AVX-512, AVX512-BF16)", Zen4.Summary);
        Assert.False(OldAmd.HasAvx2);
    }

    [Theory]
    [InlineData("library", "GAN_CPU_KERNELS=library")]
    [InlineData("LIBRARY ", "GAN_CPU_KERNELS=library")]
    public void Library_keeps_MKL_s_own_choice(string value, string reason)
    {
        var choice = CpuKernels.Choose(value, Zen4);
        Assert.Equal(("library", reason), (choice.Name, choice.Reason));
    }

    [Fact]
    public void On_Intel_and_without_AVX2_the_automatic_choice_is_MKL_s_own()
    {
        Assert.Equal("library", CpuKernels.Choose(null, Skylake).Name);
        Assert.Contains("Intel", CpuKernels.Choose("auto", Skylake).Reason);
        Assert.Equal("this processor has neither AVX2 nor AVX-512", CpuKernels.Choose("", OldAmd).Reason);
    }

    [Fact]
    public void A_value_that_is_no_choice_or_that_the_processor_cannot_run_is_an_error_that_says_what_to_set()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => CpuKernels.Choose("fast", Zen4));
        Assert.Equal("GAN_CPU_KERNELS='fast' is not a choice: use auto (the default), library, avx2 or avx512.", unknown.Message);
        var impossible = Assert.Throws<InvalidOperationException>(() => CpuKernels.Choose("avx512", OldAmd));
        Assert.StartsWith("GAN_CPU_KERNELS=avx512: this processor (AMD Opteron (AuthenticAMD, family 21 model 2; no AVX2)) has no AVX-512", impossible.Message);
    }

    private static string[] ChoiceInFreshProcess(string? kernels, bool productFirst = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "exec", typeof(KernelChoiceProgram).Assembly.Location, KernelChoiceProgram.Command }) start.ArgumentList.Add(arg);
        if (productFirst) start.ArgumentList.Add("product-first");
        if (kernels is null) start.Environment.Remove(CpuKernels.Variable);
        else start.Environment[CpuKernels.Variable] = kernels;
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the child did not finish");
        Assert.True(process.ExitCode == 0, output + error.Result);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void A_fresh_process_takes_the_kernels_its_processor_calls_for_and_computes_the_same_products()
    {
        var cpu = CpuFeatures.Current;
        var chosen = ChoiceInFreshProcess(null);
        var own = ChoiceInFreshProcess("library");
        var expected = cpu.IsIntel ? "library" : cpu.HasAvx512 ? "avx512" : cpu.HasAvx2 ? "avx2" : "library";
        Assert.StartsWith(expected + "|", chosen[0]);
        Assert.StartsWith("library|MKL's own choice|GAN_CPU_KERNELS=library", own[0]);
        if (expected != "library") Assert.Contains("products checked", chosen[0]);
        // The same product through either kernels, to float32 rounding (a sum of 262,144 products of about 128 each).
        var a = double.Parse(chosen[1], System.Globalization.CultureInfo.InvariantCulture);
        var b = double.Parse(own[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(a - b) <= 1e-5 * Math.Abs(b), $"{a} against {b}");
    }

    [Fact]
    public void A_choice_after_the_first_product_keeps_MKL_s_kernels_and_says_why()
    {
        var cpu = CpuFeatures.Current;
        var late = ChoiceInFreshProcess(null, productFirst: true);
        Assert.StartsWith("library|", late[0]);
        if (!cpu.IsIntel && cpu.HasAvx2) Assert.Contains("MKL had already chosen its kernels in this process", late[0]);
        var forced = ChoiceInFreshProcess(cpu.HasAvx512 ? "avx512" : "avx2", productFirst: true);
        if (cpu.HasAvx2) Assert.StartsWith("refused|", forced[0]);
    }

    [Fact]
    public void The_linkage_table_slot_MKL_asks_through_is_found_in_libtorch()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "libtorch_cpu.so");
        Assert.True(File.Exists(library), library);
        var slot = PltSlot.Find(library, "mkl_serv_cpu_detect");
        Assert.NotNull(slot);
        Assert.Null(PltSlot.Find(library, "no_such_function_anywhere"));
        var notElf = Path.GetTempFileName();
        File.WriteAllText(notElf, "not an ELF file");
        try { Assert.Throws<InvalidDataException>(() => PltSlot.Find(notElf, "x")); } finally { File.Delete(notElf); }
    }
}
