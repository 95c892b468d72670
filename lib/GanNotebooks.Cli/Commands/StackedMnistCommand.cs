using System.CommandLine;
using System.Globalization;
using GanNotebooks.Benchmarks;
using GanNotebooks.Data;
using GanNotebooks.Hardware;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Commands;

/// <summary>
/// <c>gan benchmark stacked-mnist --method dcgan,pacgan2 --seeds 3 [--steps N] [--samples N] [--training-images N]
/// [--out DIR]</c>: trains each method once per seed with the protocol of notebook 09 (<see cref="StackedMnistProtocol"/>,
/// shared with the notebook), counts the modes of its samples, prints progress and a table (mean ± s.d. over seeds,
/// the published figures beside them), and writes <c>&lt;out&gt;/&lt;method&gt;/seed-&lt;s&gt;/samples.idx4-ubyte</c> per run and
/// <c>results.json</c> and <c>results.md</c> (rewritten atomically after every run). Introduced in notebook
/// 09-mode-collapse-benchmark.
/// </summary>
public static class StackedMnistCommand
{
    /// <summary>The most seeds one call may run.</summary>
    public const int MaxSeeds = 100;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var methods = new Option<string[]>("--method")
        {
            Description = "Methods to train, comma-separated or repeated: " + string.Join(", ", StackedMnistMethod.KnownNames),
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var seeds = new Option<int>("--seeds") { Description = "Runs per method, with seeds 1, 2, …", DefaultValueFactory = _ => 3 };
        var steps = new Option<long?>("--steps") { Description = "Training steps per run (default 100,000: PacGAN's 50 epochs of 2,000 batches)" };
        var samples = new Option<int?>("--samples") { Description = "Generated samples counted per run (default 26,000, as PacGAN)" };
        var trainingImages = new Option<int?>("--training-images") { Description = "Stacked training images (default 128,000, as PacGAN)" };
        var output = new Option<string?>("--out") { Description = "Output folder (default artifacts/benchmark-stacked-mnist)" };
        var command = new Command("stacked-mnist", "Mode collapse on Stacked MNIST (1,000 modes): train, count modes, write samples and a table.");
        foreach (var option in new Option[] { methods, seeds, steps, samples, trainingImages, output }) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse.GetValue(methods) ?? [], parse.GetValue(seeds), parse.GetValue(steps),
            parse.GetValue(samples), parse.GetValue(trainingImages), parse.GetValue(output), null, Console.Out, Console.Error, cancellationToken)));
        return command;
    }

    /// <summary>
    /// Runs the benchmark; returns 0 on success, 1 when MNIST is missing or a run fails, 2 for a bad argument (an
    /// unknown method, seeds outside 1 to <see cref="MaxSeeds"/>, a count below 1, an --out that is not a folder, a GAN_DEVICE that is not there). Arguments are checked before
    /// anything is loaded or trained.
    /// </summary>
    public static int Run(IReadOnlyList<string> methodNames, int seeds, long? steps, int? samples, int? trainingImages, string? outFolder,
        string? dataRoot, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!TryReadArguments(methodNames, seeds, steps, samples, trainingImages, error, out var methods, out var protocol)) return 2;
        var folder = Path.GetFullPath(outFolder ?? KitPaths.ArtifactsFor("benchmark-stacked-mnist"));
        if (PathCheck.OutputFolderProblem(folder) is { } problem)
        {
            error.WriteLine($"--out: {problem}; give a folder for the results (it is created if missing).");
            return 2;
        }
        TorchSharp.torch.Device device;
        try
        {
            device = ComputeDevice.Best();
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        try
        {
            output.WriteLine(Invariant($"Stacked MNIST benchmark: {string.Join(", ", methods.Select(m => m.Name))} × {seeds} seed(s), {protocol.Steps:N0} steps each, ")
                + Invariant($"N = {protocol.Samples:N0}, {protocol.TrainingImages:N0} training images; output in {folder}"));
            using var benchmark = StackedMnistBenchmark.Create(protocol, output, dataRoot, device);
            output.WriteLine($"{benchmark.TrainingData} Device: {benchmark.Device}.");
            var ceiling = benchmark.CountReal(protocol.DataSeed + 1);
            output.WriteLine($"Ceiling: {ceiling}");
            var results = new List<StackedMnistResult>();
            var progress = new Progress(output);
            foreach (var method in methods)
                for (int seed = 1; seed <= seeds; seed++)
                {
                    var result = benchmark.Run(method, seed, StackedMnistBenchmark.SamplesPath(folder, method, seed), progress,
                        Math.Max(1, protocol.Steps / 10), cancellationToken);
                    results.Add(result);
                    output.WriteLine(Invariant($"{method.Name} seed {seed}: {result.ModesCovered} modes, KL {result.KlFromUniform:F3}, {result.TrainingSeconds:F0} s of training; {result.SamplesFile}"));
                    var report = new StackedMnistReport
                    {
                        Protocol = protocol, Device = benchmark.Device.ToString(), MnistSubset = benchmark.TrainingData.IsSubset, Ceiling = ceiling, Results = results.ToList(),
                    };
                    var (json, markdown) = report.WriteFiles(folder);
                    if (results.Count == methods.Count * seeds)
                    {
                        output.WriteLine();
                        output.Write(report.ToMarkdown());
                        output.WriteLine($"Written: {json}, {markdown}");
                    }
                }
            return 0;
        }
        catch (Exception e) when (e is DataSetNotFoundException or DataFileException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--out {folder}: {e.Message.TrimEnd('.')}; check the folder, or give another with --out.");
            return 1;
        }
    }

    /// <summary>Checks every argument; on the first bad one writes why to <paramref name="error"/> and returns false.</summary>
    public static bool TryReadArguments(IReadOnlyList<string> methodNames, int seeds, long? steps, int? samples, int? trainingImages, TextWriter error,
        out IReadOnlyList<StackedMnistMethod> methods, out StackedMnistProtocol protocol)
    {
        methods = [];
        protocol = new StackedMnistProtocol();
        var names = methodNames.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
        {
            error.WriteLine($"--method: name at least one method: {string.Join(", ", StackedMnistMethod.KnownNames)}.");
            return false;
        }
        var parsed = new List<StackedMnistMethod>();
        foreach (var name in names)
        {
            if (!StackedMnistMethod.TryParse(name, out var method))
            {
                error.WriteLine($"--method {name}: unknown method. Known methods: {string.Join(", ", StackedMnistMethod.KnownNames)}.");
                return false;
            }
            if (parsed.All(m => m.Name != method.Name)) parsed.Add(method);
        }
        if (seeds is < 1 or > MaxSeeds)
        {
            error.WriteLine($"--seeds {seeds}: give from 1 to {MaxSeeds} runs per method.");
            return false;
        }
        foreach (var (value, option) in new[] { ((long?)samples, "--samples"), (trainingImages, "--training-images"), (steps, "--steps") })
            if (value is < 1)
            {
                error.WriteLine($"{option} {value}: must be at least 1.");
                return false;
            }
        var p = new StackedMnistProtocol();
        p = p with { Steps = steps ?? p.Steps, Samples = samples ?? p.Samples, TrainingImages = trainingImages ?? p.TrainingImages };
        try
        {
            protocol = p.Validate();
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return false;
        }
        methods = parsed;
        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Progress(TextWriter output) : IProgress<StackedMnistProgress>
    {
        public void Report(StackedMnistProgress value) => output.WriteLine("  " + value);
    }
}
