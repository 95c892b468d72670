using System.Text.Json;
using System.Text.Json.Serialization;
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

    /// <summary>
    /// The save's number in its <see cref="CheckpointFolder"/>: one more than the highest number in the folder when it
    /// was written, whichever run or process wrote that, so the highest number is the most recent save. Null in files
    /// written by <see cref="TrainingCheckpoint.Save(GanTrainer, string, DataPosition?)"/> directly and by kits that
    /// predate save numbers; a folder counts those as older than any numbered save. Introduced in notebook 02-vanilla-gan.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SaveNumber { get; init; }

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

    /// <summary>
    /// The first part a complete header has that this one lacks (a JSON field that is null or missing, or a payload
    /// section without a name), or null when nothing is missing. A header read from JSON can lack parts that the
    /// record's types promise.
    /// </summary>
    public string? MissingPart()
    {
        if (KitVersion is null) return nameof(KitVersion);
        if (Generator is null) return nameof(Generator);
        if (Generator.MissingPart() is { } g) return $"{nameof(Generator)}.{g}";
        if (Discriminator is null) return nameof(Discriminator);
        if (Discriminator.MissingPart() is { } d) return $"{nameof(Discriminator)}.{d}";
        if (TrainerOptions is null) return nameof(TrainerOptions);
        if (TrainerOptions.GeneratorOptimizer is null) return $"{nameof(TrainerOptions)}.{nameof(GanTrainerOptions.GeneratorOptimizer)}";
        if (TrainerOptions.DiscriminatorOptimizer is null) return $"{nameof(TrainerOptions)}.{nameof(GanTrainerOptions.DiscriminatorOptimizer)}";
        if (Sections is null) return nameof(Sections);
        for (int i = 0; i < Sections.Count; i++)
            if (Sections[i]?.Name is null) return $"{nameof(Sections)}[{i}]";
        return null;
    }

    /// <summary>The section called <paramref name="name"/>; a <see cref="CheckpointException"/> naming the file when it is missing.</summary>
    public CheckpointSection Section(string name, string filePath) =>
        Sections.FirstOrDefault(s => s.Name == name)
        ?? throw new CheckpointException(filePath, $"Checkpoint {filePath} has no '{name}' section: it was written by another tool or format. Write a new checkpoint with this kit.");
}
