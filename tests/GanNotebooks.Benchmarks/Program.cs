using GanNotebooks.Benchmarks;
using GanNotebooks.Data;
using GanNotebooks.IO;
using static TorchSharp.torch;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"gan-benchmarks: {e.Message}\n{BenchmarkOptions.Usage}");
    return 2;
}
var log = Console.Out;
set_num_threads(options.Threads ?? Environment.ProcessorCount);
// The kernels first: MKL keeps the ones of its first product.
var kernels = GanNotebooks.Hardware.CpuKernels.Ensure();
if (options.Command == "peak")
{
    // One number, for a parent run that measures another kernel choice in a process of its own.
    Console.WriteLine(new TimingSummary(MatmulPeak.Measure()).Median.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}
log.WriteLine(GanNotebooks.Hardware.CpuFeatures.Current.Summary);
log.WriteLine(kernels.Summary);
string command = $"dotnet run -c Release --project tests/GanNotebooks.Benchmarks -- {string.Join(' ', args)}";
var report = new BenchmarkReport { Command = command };
bool all = options.Command == "all";
using var mnist = DataSets.Load(DataSetName.Mnist, DataSplit.Train);
if (all || options.Command == "training")
{
    PyTorchReference? pytorch = null;
    if (options.PyTorch)
    {
        pytorch = new PyTorchReference(DataSets.FolderOf(DataSetName.Mnist));
        if (pytorch.Unavailable() is { } why)
        {
            Console.Error.WriteLine($"gan-benchmarks: {why} (or pass --no-pytorch)");
            return 1;
        }
    }
    log.WriteLine("Matrix-multiply peak...");
    report.TorchSharpPeak = new TimingSummary(MatmulPeak.Measure());
    report.Kernels = kernels;
    if (kernels.Name != "library") report.LibraryKernelsPeak = MatmulPeak.InAnotherProcess("library", options.Threads);
    if (pytorch is not null)
        report.PyTorchPeak = PyTorchConfig.Candidates.Select(c => new TimingSummary(pytorch.Matmul(2048, c))).MaxBy(s => s.Median);
    log.WriteLine($"  TorchSharp {report.TorchSharpPeak.Median:F0} GFLOP/s" + (report.PyTorchPeak is { } p ? $", PyTorch {p.Median:F0} GFLOP/s" : ""));
    log.WriteLine($"Training iterations ({options.Rounds} rounds of {options.Timer})...");
    var benchmark = new TrainingBenchmark(mnist.Images, mnist.Labels, options.Timer, options.Rounds, pytorch, log);
    foreach (var benchmarkCase in BenchmarkCase.Parse(options.Cases)) report.Training.Add(benchmark.Run(benchmarkCase));
}
if (all || options.Command == "data")
{
    log.WriteLine("Data loading...");
    report.Data.AddRange(new DataThroughput().Run(log));
}
if (all || options.Command == "time-to-digits")
{
    log.WriteLine($"Time to recognisable digits (notebook 02's MLP GAN, learning rate {options.Digits.RateDescription}, batch {options.Digits.BatchSize})...");
    report.DigitsSettings = options.Digits;
    report.Digits = options.Digits.Run(log);
}
if (all || options.Command == "memory")
{
    log.WriteLine($"Resident memory over {options.MemorySteps:N0} steps...");
    var probe = new MemoryProbe(options.MemorySteps, Every: Math.Max(1, options.MemorySteps / 20), WarmupSteps: Math.Max(1, options.MemorySteps / 20));
    foreach (var benchmarkCase in BenchmarkCase.Parse(options.Cases ?? "mlp-b128,dcgan-b64"))
        report.Memory.Add(probe.Run(benchmarkCase, mnist.Images, mnist.Labels, log));
}
var markdown = report.ToMarkdown();
var outPath = options.Out ?? Path.Combine(KitPaths.ArtifactsRoot, "benchmarks", "performance.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
AtomicFile.WriteAllBytes(outPath, System.Text.Encoding.UTF8.GetBytes(markdown));
log.WriteLine();
log.WriteLine(markdown);
log.WriteLine($"Written to {outPath}");
return 0;
