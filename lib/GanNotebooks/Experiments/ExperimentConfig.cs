using GanNotebooks.Training;

namespace GanNotebooks.Experiments;

/// <summary>One configuration of an experiment: a name for charts and tables, and the trainer's options. Introduced in notebook 03-optimizers.</summary>
/// <param name="Name">Short label, e.g. "Adam β1=0.5".</param>
/// <param name="Options">How this configuration trains.</param>
public sealed record ExperimentConfig(string Name, GanTrainerOptions Options);
