using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// Times each case three ways, in alternating rounds in one session so that drift of the machine hits all three
/// alike: the kit's trainer, the bare TorchSharp loop and the PyTorch twin (both thread splits).
/// </summary>
public sealed class TrainingBenchmark(Tensor images, Tensor labels, IterationTimer timer, int rounds, PyTorchReference? pytorch, TextWriter log)
{
    /// <summary>Measures one case.</summary>
    public TrainingResult Run(BenchmarkCase benchmarkCase)
    {
        var kit = new List<double>();
        var bare = new List<double>();
        var python = PyTorchConfig.Candidates.ToDictionary(c => c, _ => new List<double>());
        for (int round = 1; round <= rounds; round++)
        {
            using (var iteration = new KitIteration(benchmarkCase, images, labels)) kit.AddRange(timer.Measure(iteration));
            using (var iteration = new BareIteration(benchmarkCase, images, labels)) bare.AddRange(timer.Measure(iteration));
            foreach (var config in PyTorchConfig.Candidates.Where(_ => pytorch is not null))
                python[config].AddRange(pytorch!.TimeCase(benchmarkCase, timer, config).Milliseconds);
            log.WriteLine($"  {benchmarkCase.Name} round {round}/{rounds}: kit {new TimingSummary(kit).Median:F1} ms, bare {new TimingSummary(bare).Median:F1} ms" +
                (pytorch is null ? "" : ", PyTorch " + string.Join(" / ", python.Select(p => $"{new TimingSummary(p.Value).Median:F1} ms ({p.Key})"))));
        }
        var best = pytorch is null ? null : python.MinBy(p => new TimingSummary(p.Value).Median).Key;
        return new TrainingResult(benchmarkCase, FlopCount.PerIteration(benchmarkCase), new TimingSummary(kit), new TimingSummary(bare),
            best is null ? null : new TimingSummary(python[best]), best);
    }
}
