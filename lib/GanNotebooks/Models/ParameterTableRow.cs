namespace GanNotebooks.Models;

/// <summary>One layer of a <see cref="ParameterTable"/>. Introduced in notebook 02-vanilla-gan.</summary>
/// <param name="Layer">The layer's name inside its model, e.g. <c>linear1</c>.</param>
/// <param name="Type">The layer's type, e.g. <c>Linear</c>.</param>
/// <param name="OutputShape">Shape of its output for the probe batch, e.g. <c>[2, 256]</c>, or empty.</param>
/// <param name="Trainable">Number of trainable parameters (weights and biases).</param>
/// <param name="RunningStatistics">Number of running statistics (BatchNorm's running mean and variance).</param>
public sealed record ParameterTableRow(string Layer, string Type, string OutputShape, long Trainable, long RunningStatistics);
