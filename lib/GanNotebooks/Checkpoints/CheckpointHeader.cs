using System.Text.Json;
using GanNotebooks.Data;
using GanNotebooks.Training;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// The readable part of a checkpoint file, stored as JSON before the tensors: which kit and format wrote it, the
/// step, both networks (<see cref="ModelDescription"/> and, for the fully connected GAN, its
/// <see cref="Models.MlpGanConfig"/> as JSON), the trainer options, where the data order stood, and the table of
/// payload sections. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed record CheckpointHeader
{
    /// <summary>The kit version that wrote the file.</summary>
    public required string KitVersion { get; init; }

    /// <summary>The file format version (<see cref="CheckpointFile.FormatVersion"/> when written).</summary>
    public required int FormatVersion { get; init; }

    /// <summary>When the checkpoint was written (UTC).</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Training steps completed when it was written.</summary>
    public required long Step { get; init; }

    /// <summary>The generator G.</summary>
    public required ModelDescription Generator { get; init; }

    /// <summary>The discriminator D.</summary>
    public required ModelDescription Discriminator { get; init; }

    /// <summary>The model configuration (e.g. <see cref="Models.MlpGanConfig"/>) as JSON, when the networks have one.</summary>
    public JsonElement? ModelConfig { get; init; }

    /// <summary>The options the trainer ran with; a trainer that loads the checkpoint must have the same.</summary>
    public required GanTrainerOptions TrainerOptions { get; init; }

    /// <summary>Where the training data order stood (the next batch), when the run recorded it.</summary>
    public DataPosition? Data { get; init; }

    /// <summary>The payload's blocks, in order.</summary>
    public required IReadOnlyList<CheckpointSection> Sections { get; init; }

    /// <summary>The section called <paramref name="name"/>; a <see cref="CheckpointException"/> naming the file when it is missing.</summary>
    public CheckpointSection Section(string name, string filePath) =>
        Sections.FirstOrDefault(s => s.Name == name)
        ?? throw new CheckpointException(filePath, $"Checkpoint {filePath} has no '{name}' section: it was written by another tool or format. Write a new checkpoint with this kit.");
}
