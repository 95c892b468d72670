using System.Buffers.Binary;
using System.Text.Json;
using GanNotebooks.Checkpoints;
using GanNotebooks.Models;
using GanNotebooks.Tests.Data;
using GanNotebooks.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// Property: a randomly corrupted checkpoint (flipped, overwritten, inserted or deleted bytes, truncation, and wrong
/// values in the header- and payload-length fields) reads back as exactly the original header and payload, or is
/// refused with <see cref="CheckpointException"/> naming the file; loaded into a trainer, it gives exactly the saved
/// state, or it is refused and the trainer is left as it was (never half-loaded).
/// </summary>
public sealed class CorruptedCheckpointProperties(ITestOutputHelper output) : IDisposable
{
    private static readonly MlpGanConfig Tiny = new() { LatentSize = 8, ImageSize = 4, GeneratorHidden = [32, 16], DiscriminatorHidden = [24] };
    private static readonly GanTrainerOptions Options = new() { LatentSize = 8, Seed = 21, FixedNoiseCount = 16 };
    private static readonly CorruptionProperty Property = CorruptionProperty.Rejecting(typeof(CheckpointException));
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Checkpoint_files_read_as_the_original_or_are_rejected()
    {
        var file = Saved(out var edits);
        Property.Holds(output, _folder, "run.ganckpt", path => File.WriteAllBytes(path, file), ReadWhole, (a, b) => a.SameAs(b), seed: 21,
            (original, _) => Expectation<CheckpointContent>.OriginalOrRejected(original), edits);
    }

    [Fact]
    public void Checkpoints_load_into_a_trainer_as_the_saved_state_or_leave_it_untouched()
    {
        var file = Saved(out var edits);
        using var untouched = TinyGan.Create(seed: 5);
        var untouchedState = TrainerState.Of(untouched);
        Property.Holds(output, _folder, "load.ganckpt", path => File.WriteAllBytes(path, file), path => LoadInto(path, untouchedState),
            (a, b) => a.SameAs(b), seed: 22, (original, _) => Expectation<TrainerState>.OriginalOrRejected(original), edits);
    }

    // A fresh trainer (networks from seed 5) loads the file; when the load is refused, its state must still be the untouched one.
    private static TrainerState LoadInto(string path, TrainerState untouched)
    {
        using var gan = TinyGan.Create(seed: 5);
        try
        {
            TrainingCheckpoint.Load(gan.Trainer, path);
        }
        catch (CheckpointException)
        {
            if (!TrainerState.Of(gan).SameAs(untouched))
                throw new InvalidOperationException($"a refused checkpoint {path} changed the trainer");
            throw;
        }
        return TrainerState.Of(gan);
    }

    private static CheckpointContent ReadWhole(string path)
    {
        var (header, payload) = CheckpointFile.Read(path);
        return new CheckpointContent(JsonSerializer.Serialize(header), payload);
    }

    // The bytes of a checkpoint of a tiny GAN after two steps, and edits that also hit its two length fields.
    private byte[] Saved(out FsCheck.Arbitrary<ByteEdit[]> edits)
    {
        var path = _folder.File("saved.ganckpt");
        using (var gan = TinyGan.Create(seed: 1))
        using (var data = randn(16, 1, 4, 4, generator: new Generator(3)).tanh())
        {
            gan.Trainer.TrainStep(data);
            gan.Trainer.TrainStep(data);
            TrainingCheckpoint.Save(gan.Trainer, path);
        }
        var bytes = File.ReadAllBytes(path);
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        edits = Corruptions.WithWrongFields(bytes, (12, 4), (16 + headerLength, 8));
        return bytes;
    }

    /// <summary>A trainer of a tiny MLP GAN whose networks start from a seed, with its networks at hand.</summary>
    private sealed record TinyGan(GanTrainer Trainer, MlpGenerator Generator, MlpDiscriminator Discriminator) : IDisposable
    {
        public static TinyGan Create(long seed)
        {
            Seeds.Set(seed);
            var generator = new MlpGenerator(Tiny);
            var discriminator = new MlpDiscriminator(Tiny);
            return new TinyGan(new GanTrainer(generator, discriminator, Options), generator, discriminator);
        }

        public void Dispose() => Trainer.Dispose();
    }

    /// <summary>A checkpoint as the reader returns it: the header (as JSON) and the payload.</summary>
    private sealed record CheckpointContent(string HeaderJson, byte[] Payload)
    {
        public bool SameAs(CheckpointContent other) => HeaderJson == other.HeaderJson && Payload.AsSpan().SequenceEqual(other.Payload);
    }

    /// <summary>What a load sets in a trainer: the step, the weights of both networks and the fixed noise, as bytes.</summary>
    private sealed record TrainerState(long Step, byte[] Weights)
    {
        public static TrainerState Of(TinyGan gan)
        {
            var trainer = gan.Trainer;
            var weights = new MemoryStream();
            foreach (var network in new nn.Module[] { gan.Generator, gan.Discriminator })
                foreach (var (_, tensor) in network.state_dict())
                    weights.Write(tensor.bytes);
            weights.Write(trainer.FixedNoise.bytes);
            return new TrainerState(trainer.Step, weights.ToArray());
        }

        public bool SameAs(TrainerState other) => Step == other.Step && Weights.AsSpan().SequenceEqual(other.Weights);
    }
}
