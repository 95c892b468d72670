using System.Reflection;
using System.Text.Json;
using GanNotebooks.Data;
using GanNotebooks.IO;
using GanNotebooks.Models;
using GanNotebooks.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// Saves a training run to one checkpoint file and resumes it: both networks, both optimizers' state, the step,
/// the trainer's noise generator and the global CPU generator, the fixed noise, the history and (when given) the
/// data order's position. A resumed run continues exactly as the uninterrupted one would have. Files are written
/// atomically (temporary file, fsync, rename). Per-step measurements added later (the gradient norms of
/// <see cref="StepMetrics"/>) live in a section of their own: checkpoints written before them still load, with NaN
/// there. NaN or infinite weights or fixed noise are refused on both sides: a diverged trainer is not saved, and a
/// checkpoint holding them is not loaded. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class TrainingCheckpoint
{
    /// <summary>The kit version recorded in every checkpoint.</summary>
    public static string KitVersion { get; } =
        typeof(TrainingCheckpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(TrainingCheckpoint).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// Writes <paramref name="trainer"/>'s state to <paramref name="path"/> atomically: a reader sees the old file
    /// or the complete new one. <paramref name="data"/> is where the data order stands (e.g.
    /// <see cref="ShuffledBatches.Position"/>). A failed write (a full disk) leaves the old file as it was and
    /// throws a <see cref="CheckpointException"/> naming the file. A trainer whose weights or fixed noise hold NaN or
    /// infinity (a diverged run) is not saved: a <see cref="CheckpointException"/> names the first such tensor.
    /// </summary>
    public static CheckpointHeader Save(GanTrainer trainer, string path, DataPosition? data = null) => Save(trainer, path, data, null, null);

    /// <summary>
    /// As <see cref="Save(GanTrainer, string, DataPosition?)"/>, recording <paramref name="saveNumber"/> in the header
    /// and passing the file stream through <paramref name="wrap"/> (for tests of failing disks).
    /// </summary>
    internal static CheckpointHeader Save(GanTrainer trainer, string path, DataPosition? data, Func<Stream, Stream>? wrap, long? saveNumber)
    {
        var (header, payload) = Capture(trainer, data, path);
        header = header with { SaveNumber = saveNumber };
        try
        {
            AtomicFile.Write(path, stream => CheckpointFile.Write(wrap?.Invoke(stream) ?? stream, header, payload));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(path, $"Could not write checkpoint {path} ({payload.Length / 1e6:F1} MB) into {Path.GetDirectoryName(Path.GetFullPath(path))}: " +
                $"{e.Message}. Free disk space there, make the folder writable, or choose another folder; any earlier checkpoint file is unchanged.", e);
        }
        return header;
    }

    /// <summary>
    /// Writes <paramref name="trainer"/>'s state to <paramref name="stream"/> (not atomic: the caller owns the stream);
    /// a diverged trainer (NaN or infinite weights) is refused as by <see cref="Save(GanTrainer, string, DataPosition?)"/>.
    /// </summary>
    public static CheckpointHeader Write(GanTrainer trainer, Stream stream, DataPosition? data = null)
    {
        var (header, payload) = Capture(trainer, data, "(stream)");
        CheckpointFile.Write(stream, header, payload);
        return header;
    }

    /// <summary>The header of the checkpoint at <paramref name="path"/> (after checking the whole file).</summary>
    public static CheckpointHeader ReadHeader(string path) => CheckpointFile.ReadHeader(path);

    /// <summary>
    /// Loads the checkpoint at <paramref name="path"/> into <paramref name="trainer"/> and returns its header (its
    /// <see cref="CheckpointHeader.Data"/> goes to <see cref="ShuffledBatches.Seek"/>). The file is checked and
    /// compared with the trainer first; a damaged file, a different architecture or different options, a missing
    /// payload section, or NaN or infinite weights or fixed noise throw, naming the file and what is wrong, and leave
    /// the trainer untouched.
    /// </summary>
    public static CheckpointHeader Load(GanTrainer trainer, string path)
    {
        var (header, payload) = CheckpointFile.Read(path);
        var differences = new List<string>();
        differences.AddRange(header.Generator.Compare(ModelDescription.Of(trainer.GeneratorNetwork), "generator"));
        differences.AddRange(header.Discriminator.Compare(ModelDescription.Of(trainer.DiscriminatorNetwork), "discriminator"));
        if (differences.Count == 0) differences.AddRange(OptionDifferences(header.TrainerOptions, trainer.Options));
        if (differences.Count > 0) throw new CheckpointMismatchException(path, differences);
        foreach (var name in Names.Required) header.Section(name, path);
        try
        {
            if (FirstNonFinite(header, payload, path) is { } nonFinite)
                throw new CheckpointException(path, $"Checkpoint {path} holds NaN or infinite values in its {nonFinite}: the run had diverged " +
                    "when it was saved. It was not loaded; resume from an earlier checkpoint (TrainingCheckpoint.Load with its path).");
            Restore(trainer, header, payload, path);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException(path, $"Checkpoint {path} could not be loaded ({e.Message}); the trainer is in an undefined state, create it again.", e);
        }
        return header;
    }

    // The header and payload of the trainer's state; a CheckpointException naming target when a weight is not finite.
    private static (CheckpointHeader, byte[]) Capture(GanTrainer trainer, DataPosition? data, string target)
    {
        var nonFinite = FiniteValueCheck.FirstNonFinite(trainer.GeneratorNetwork, "generator")
            ?? FiniteValueCheck.FirstNonFinite(trainer.DiscriminatorNetwork, "discriminator")
            ?? (FiniteValueCheck.IsFinite(trainer.FixedNoise) ? null : "fixed noise");
        if (nonFinite is not null)
            throw new CheckpointException(target, $"Checkpoint {target} was not written: the {nonFinite} holds NaN or infinite values, so the " +
                "run has diverged. Earlier checkpoints are unchanged; resume from one of them (e.g. with a lower learning rate).");
        using var scope = NewDisposeScope();
        var payload = new MemoryStream();
        var sections = new List<CheckpointSection>();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            void Section(string name, Action write)
            {
                long start = payload.Position;
                write();
                writer.Flush();
                sections.Add(new CheckpointSection(name, start, payload.Position - start));
            }
            Section(Names.Generator, () => trainer.GeneratorNetwork.save(writer));
            Section(Names.Discriminator, () => trainer.DiscriminatorNetwork.save(writer));
            Section(Names.GeneratorOptimizer, () => Helper(trainer.GeneratorOptimizer).save_state_dict(writer));
            Section(Names.DiscriminatorOptimizer, () => Helper(trainer.DiscriminatorOptimizer).save_state_dict(writer));
            Section(Names.FixedNoise, () => trainer.FixedNoise.cpu().Save(writer));
            Section(Names.NoiseState, () => trainer.NoiseGenerator.get_state().Save(writer));
            Section(Names.CpuRandomState, () => torch.random.get_rng_state().Save(writer));
            Section(Names.History, () => HistoryCodec.Write(writer, trainer.History));
            Section(Names.StepExtras, () => StepExtrasCodec.Write(writer, trainer.History));
        }
        var header = new CheckpointHeader
        {
            KitVersion = KitVersion,
            FormatVersion = CheckpointFile.FormatVersion,
            CreatedUtc = DateTimeOffset.UtcNow,
            Step = trainer.Step,
            Generator = ModelDescription.Of(trainer.GeneratorNetwork),
            Discriminator = ModelDescription.Of(trainer.DiscriminatorNetwork),
            ModelConfig = trainer.GeneratorNetwork is MlpGenerator mlp ? JsonSerializer.SerializeToElement(mlp.Config, CheckpointFile.Json) : null,
            TrainerOptions = trainer.Options,
            Data = data,
            Sections = sections,
        };
        return (header, payload.ToArray());
    }

    // The first non-finite tensor of the networks and the fixed noise in the payload, read without touching a trainer.
    private static string? FirstNonFinite(CheckpointHeader header, byte[] payload, string path)
    {
        BinaryReader Open(string name)
        {
            var section = header.Section(name, path);
            return new BinaryReader(new MemoryStream(payload, (int)section.Offset, (int)section.Length, writable: false));
        }
        using (var reader = Open(Names.Generator))
            if (FiniteValueCheck.FirstNonFiniteInModuleSection(reader, "generator") is { } inGenerator) return inGenerator;
        using (var reader = Open(Names.Discriminator))
            if (FiniteValueCheck.FirstNonFiniteInModuleSection(reader, "discriminator") is { } inDiscriminator) return inDiscriminator;
        using (var reader = Open(Names.FixedNoise))
        using (var noise = TensorExtensionMethods.Load(reader))
            return FiniteValueCheck.IsFinite(noise) ? null : "fixed noise";
    }

    private static void Restore(GanTrainer trainer, CheckpointHeader header, byte[] payload, string path)
    {
        using var scope = NewDisposeScope();
        BinaryReader Open(string name)
        {
            var section = header.Section(name, path);
            return new BinaryReader(new MemoryStream(payload, (int)section.Offset, (int)section.Length, writable: false));
        }
        using (var reader = Open(Names.Generator)) trainer.GeneratorNetwork.load(reader, strict: true);
        using (var reader = Open(Names.Discriminator)) trainer.DiscriminatorNetwork.load(reader, strict: true);
        using (var reader = Open(Names.GeneratorOptimizer)) Helper(trainer.GeneratorOptimizer).load_state_dict(reader);
        using (var reader = Open(Names.DiscriminatorOptimizer)) Helper(trainer.DiscriminatorOptimizer).load_state_dict(reader);
        using (var reader = Open(Names.FixedNoise))
        using (var noGrad = no_grad())
            trainer.FixedNoise.copy_(TensorExtensionMethods.Load(reader));
        using (var reader = Open(Names.NoiseState)) trainer.NoiseGenerator.set_state(TensorExtensionMethods.Load(reader));
        using (var reader = Open(Names.CpuRandomState)) torch.random.set_rng_state(TensorExtensionMethods.Load(reader));
        using (var reader = Open(Names.History))
        {
            var (steps, pixels) = HistoryCodec.Read(reader);
            if (header.Sections.Any(s => s.Name == Names.StepExtras))
            {
                using var extras = Open(Names.StepExtras);
                steps = StepExtrasCodec.Read(extras, steps);
            }
            trainer.History.Restore(steps, pixels);
        }
        trainer.RestoreStep(header.Step);
    }

    private static IEnumerable<string> OptionDifferences(GanTrainerOptions saved, GanTrainerOptions here)
    {
        saved = saved with { RecordGradientNorms = here.RecordGradientNorms };   // a measurement, not a training setting
        if (saved == here) yield break;
        var a = Flatten(JsonSerializer.SerializeToElement(saved, CheckpointFile.Json), "");
        var b = Flatten(JsonSerializer.SerializeToElement(here, CheckpointFile.Json), "");
        foreach (var (key, value) in a)
            if (!b.TryGetValue(key, out var other) || other != value)
                yield return $"trainer option {key} {value} in the checkpoint vs {other ?? "(none)"} here";
    }

    private static Dictionary<string, string> Flatten(JsonElement element, string prefix)
    {
        var result = new Dictionary<string, string>();
        if (element.ValueKind != JsonValueKind.Object) { result[prefix] = element.ToString(); return result; }
        foreach (var property in element.EnumerateObject())
            foreach (var pair in Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}"))
                result[pair.Key] = pair.Value;
        return result;
    }

    private static OptimizerHelper Helper(optim.Optimizer optimizer) => optimizer as OptimizerHelper
        ?? throw new NotSupportedException($"the optimizer {optimizer.GetType().Name} cannot save its state");

    /// <summary>Section names.</summary>
    private static class Names
    {
        public const string Generator = "generator";
        public const string Discriminator = "discriminator";
        public const string GeneratorOptimizer = "generator-optimizer";
        public const string DiscriminatorOptimizer = "discriminator-optimizer";
        public const string FixedNoise = "fixed-noise";
        public const string NoiseState = "noise-generator-state";
        public const string CpuRandomState = "cpu-generator-state";
        public const string History = "history";
        public const string StepExtras = "history-step-extras";

        /// <summary>Every section a checkpoint must have (the step extras are optional: older files lack them).</summary>
        public static readonly string[] Required =
            [Generator, Discriminator, GeneratorOptimizer, DiscriminatorOptimizer, FixedNoise, NoiseState, CpuRandomState, History];
    }
}
