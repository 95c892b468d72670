using System.Globalization;
using GanNotebooks.Training;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// Where a benchmark run stands, as <see cref="StackedMnistBenchmark.Run"/> reports it. Introduced in notebook
/// 09-mode-collapse-benchmark.
/// </summary>
/// <param name="Method">The method's name.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Step">Steps done.</param>
/// <param name="Steps">Steps in the run.</param>
/// <param name="TrainingSeconds">Seconds of training so far.</param>
/// <param name="Latest">The latest step's losses.</param>
public sealed record StackedMnistProgress(string Method, int Seed, long Step, long Steps, double TrainingSeconds, StepMetrics Latest)
{
    /// <summary>One line, e.g. "dcgan seed 1: step 500/2,000, 21.3 ms per step, Loss_D 1.12, Loss_G 0.98".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Method} seed {Seed}: step {Step:N0}/{Steps:N0}, {TrainingSeconds * 1000 / Math.Max(1, Step):F1} ms per step, "
        + $"Loss_D {Latest.DiscriminatorLoss:F2}, Loss_G {Latest.GeneratorLoss:F2}");
}
