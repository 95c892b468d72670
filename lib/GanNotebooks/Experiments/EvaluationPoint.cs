namespace GanNotebooks.Experiments;

/// <summary>Metric values measured at one step of a run, e.g. {"frechet": 41.2, "coverage": 10}. Introduced in notebook 03-optimizers.</summary>
/// <param name="Step">Training steps completed when measured.</param>
/// <param name="Values">Metric name → value.</param>
public sealed record EvaluationPoint(long Step, IReadOnlyDictionary<string, double> Values);
