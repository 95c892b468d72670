using GanNotebooks.Hardware;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Hardware;

/// <summary>
/// <c>dotnet GanNotebooks.Tests.dll kernel-choice [product-first]</c>: makes the kit's kernel choice in a fresh
/// process (MKL keeps the kernels of a process's first product, so the test process itself cannot show a fresh
/// choice) and prints it: "name|description|reason", then a 512² product's checksum.
/// </summary>
public static class KernelChoiceProgram
{
    public const string Command = "kernel-choice";

    public static int Run(string[] args)
    {
        if (args.Contains("product-first")) mm(ones(64, 64), ones(64, 64)).Dispose();
        try
        {
            var choice = CpuKernels.Ensure();
            Console.WriteLine($"{choice.Name}|{choice.Description}|{choice.Reason}");
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"refused|{e.Message}");
            return 0;
        }
        var generator = new Generator(7);
        var a = rand(new long[] { 512, 512 }, generator: generator);
        Console.WriteLine(mm(a, a.t()).sum().item<float>().ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }
}
