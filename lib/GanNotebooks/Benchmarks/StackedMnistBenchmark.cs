using GanNotebooks.Data;
using GanNotebooks.Export;
using GanNotebooks.Hardware;
using GanNotebooks.Metrics;
using GanNotebooks.Models;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// The Stacked MNIST mode-collapse benchmark: one <see cref="StackedMnistProtocol"/>, the training set it draws
/// (<see cref="StackedMnist"/>, seeded with the protocol's data seed, the same for every run) and the mode counter.
/// <see cref="Start"/> sets up one run of a method with a seed (the notebook keeps the loop in view),
/// <see cref="Finish"/> samples, writes <c>samples.idx4-ubyte</c> and counts the modes, and <see cref="Run"/> does all
/// three (the <c>gan benchmark stacked-mnist</c> command). Notebook 09 and the command share this type, so both train
/// the same way. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed class StackedMnistBenchmark : IDisposable
{
    private StackedMnistBenchmark(StackedMnistProtocol protocol, StackedMnist trainingData, StackedMnistModeCounter counter, Device device, string? dataRoot)
    {
        Protocol = protocol;
        TrainingData = trainingData;
        Counter = counter;
        Device = device;
        DataRoot = dataRoot;
    }

    /// <summary>The protocol every run follows.</summary>
    public StackedMnistProtocol Protocol { get; }

    /// <summary>The stacked training images.</summary>
    public StackedMnist TrainingData { get; }

    /// <summary>The mode counter (the kit's MNIST evaluation classifier).</summary>
    public StackedMnistModeCounter Counter { get; }

    /// <summary>Where the networks train.</summary>
    public Device Device { get; }

    /// <summary>The data folder (null: the kit's).</summary>
    public string? DataRoot { get; }

    /// <summary>
    /// Draws the training set and loads (the first time: trains and caches) the evaluation classifier;
    /// <paramref name="log"/> receives the classifier's messages. The networks go to <paramref name="device"/>
    /// (default <see cref="ComputeDevice.Best"/>).
    /// </summary>
    /// <exception cref="DataSetNotFoundException">MNIST has not been fetched; the message says how.</exception>
    public static StackedMnistBenchmark Create(StackedMnistProtocol protocol, TextWriter? log = null, string? dataRoot = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        protocol.Validate();
        var data = StackedMnist.Create(protocol.TrainingImages, protocol.DataSeed, DataSplit.Train, dataRoot);
        try
        {
            var counter = StackedMnistModeCounter.Create(log, dataRoot);
            return new StackedMnistBenchmark(protocol, data, counter, device ?? ComputeDevice.Best(), dataRoot);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Where a run's samples go: <c>&lt;folder&gt;/&lt;method&gt;/seed-&lt;seed&gt;/samples.idx4-ubyte</c>.</summary>
    public static string SamplesPath(string folder, StackedMnistMethod method, int seed)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Path.Combine(folder, method.Name, $"seed-{seed}", SampleExport.ChannelSamplesFileName);
    }

    /// <summary>
    /// Sets up one run: seeds the global generator with <paramref name="seed"/> (initial weights), builds the
    /// method's G and D on <see cref="Device"/>, the protocol's trainer (noise seeded with <paramref name="seed"/>) and
    /// the training images in an order seeded with <paramref name="seed"/>.
    /// </summary>
    public StackedMnistRun Start(StackedMnistMethod method, int seed)
    {
        ArgumentNullException.ThrowIfNull(method);
        Seeds.Set(seed);
        var discriminator = Protocol.Discriminator(method);   // throws first when the batch cannot be cut into the method's packs
        var generator = new DcganGenerator(Protocol.ConfigFor(method));
        try
        {
            generator.to(Device);
            discriminator.to(Device);
            var trainer = new GanTrainer(generator, discriminator, Protocol.TrainerOptions(seed));
            var batches = new ShuffledBatches(TrainingData.Images, Protocol.BatchSize, seed);
            return new StackedMnistRun(method, seed, generator, discriminator, trainer, batches);
        }
        catch
        {
            generator.Dispose();
            discriminator.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Ends a run: draws the protocol's <see cref="StackedMnistProtocol.Samples"/> images, writes them to
    /// <paramref name="samplesPath"/> (atomically; none when null) and counts their modes. The images are counted as
    /// the file stores them (pixels rounded to bytes), so recounting the file gives exactly the same result.
    /// </summary>
    public StackedMnistResult Finish(StackedMnistRun run, string? samplesPath)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var generated = run.Sample(Protocol.Samples);
        using var samples = AsStoredInFile(generated);   // count what the file holds, so a recount of it gives the same numbers
        string? written = null;
        if (samplesPath is not null)
        {
            SampleExport.WriteChannelImages(samples, samplesPath);
            written = Path.GetFullPath(samplesPath);
        }
        return new StackedMnistResult
        {
            Method = run.Method.Name,
            Seed = run.Seed,
            Steps = run.Trainer.Step,
            TrainingSeconds = run.TrainingSeconds,
            Modes = Counter.Count(samples, $"{run.Method.Name}, seed {run.Seed}"),
            SamplesFile = written,
        };
    }

    /// <summary>
    /// A whole run: <see cref="Start"/>, <see cref="StackedMnistProtocol.Steps"/> training steps (reporting every
    /// <paramref name="reportEvery"/> steps and after the last), <see cref="Finish"/>. Stops at a step boundary when
    /// <paramref name="cancellation"/> is cancelled.
    /// </summary>
    public StackedMnistResult Run(StackedMnistMethod method, int seed, string? samplesPath, IProgress<StackedMnistProgress>? progress = null,
        long reportEvery = 500, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reportEvery, 1);
        using var run = Start(method, seed);
        while (run.Trainer.Step < Protocol.Steps)
        {
            cancellation.ThrowIfCancellationRequested();
            var metrics = run.TrainStep();
            if (run.Trainer.Step % reportEvery == 0 || run.Trainer.Step == Protocol.Steps)
                progress?.Report(new StackedMnistProgress(method.Name, seed, run.Trainer.Step, Protocol.Steps, run.TrainingSeconds, metrics));
        }
        return Finish(run, samplesPath);
    }

    /// <summary>
    /// The ceiling: the modes of <see cref="StackedMnistProtocol.Samples"/> real Stacked MNIST images (drawn with
    /// <paramref name="seed"/>, not the training set's seed) as the same classifier reads them.
    /// </summary>
    public StackedMnistModes CountReal(int seed)
    {
        using var real = StackedMnist.Create(Protocol.Samples, seed, DataSplit.Train, DataRoot);
        return Counter.Count(real);
    }

    /// <summary>Images [-1, 1] rounded to the 256 levels of a ubyte file, as <see cref="SampleExport.ReadChannelImages"/> would read them back.</summary>
    private static Tensor AsStoredInFile(Tensor images)
    {
        using var scope = NewDisposeScope();
        return images.add(1).mul(127.5).round().clamp(0, 255).div(127.5).sub(1).MoveToOuterDisposeScope();
    }

    /// <summary>Frees the training images and the classifier.</summary>
    public void Dispose()
    {
        TrainingData.Dispose();
        Counter.Dispose();
    }
}
