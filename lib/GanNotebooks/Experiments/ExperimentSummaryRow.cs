namespace GanNotebooks.Experiments;

/// <summary>
/// One configuration's results across its seeds. Introduced in notebook 03-optimizers.
/// </summary>
/// <param name="Name">The configuration.</param>
/// <param name="Seeds">How many seeds ran.</param>
/// <param name="Diverged">How many of them stopped on a non-finite loss.</param>
/// <param name="FinalMean">Mean over seeds of the metric's last value.</param>
/// <param name="FinalSeedStd">Standard deviation of the last value across seeds (0 with one seed).</param>
/// <param name="EndSpread">Mean over seeds of the metric's spread over the last part of training (<see cref="ExperimentRun.Spread"/>).</param>
/// <param name="TrainingSeconds">Mean training time per run, in seconds.</param>
public sealed record ExperimentSummaryRow(string Name, int Seeds, int Diverged, double FinalMean, double FinalSeedStd, double EndSpread, double TrainingSeconds);
