using GanNotebooks.Family;
using GanNotebooks.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Training;

/// <summary>
/// Trains a generator G against a discriminator D, one discriminator update and one generator update per batch
/// (Goodfellow et al., 2014, with k = 1). The notebook writes the epoch loop; this class holds the per-step maths:
/// every step runs inside its own dispose scope, hands back plain numbers (<see cref="StepMetrics"/>) and records
/// them in <see cref="History"/>. A conditional pair, G(z | y) and D(x | y), trains the same way with class labels
/// (notebook 05-conditional-gan). Notebook 06-failure-modes adds remedies, each a <see cref="GanTrainerOptions"/>
/// setting that is off by default: the D:G update ratio, WGAN-GP (<see cref="GanTrainerOptions.Objective"/>; notebook
/// 08-gan-family adds the original WGAN with weight clipping),
/// feature matching (<see cref="GanTrainerOptions.GeneratorLoss"/>) and instance noise; the discriminators' own
/// remedies (minibatch standard deviation, spectral normalisation) are options of their configs. Introduced in
/// notebook 02-vanilla-gan.
/// </summary>
public sealed class GanTrainer : IDisposable
{
    private readonly nn.Module generator;
    private readonly nn.Module discriminator;
    private readonly Func<Tensor, Tensor?, Tensor> generate;
    private readonly Func<Tensor, Tensor?, Tensor> discriminate;
    private readonly optim.Optimizer generatorOptimizer;
    private readonly optim.Optimizer discriminatorOptimizer;
    private readonly Generator noise;
    private readonly Device device;
    private GeneratorUpdate latestGenerator = GeneratorUpdate.None;

    /// <summary>Sets up the optimizers, the noise generator and the fixed noise.</summary>
    public GanTrainer(nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator, GanTrainerOptions? options = null)
        : this(generator, discriminator, (z, _) => generator.forward(z), (x, _) => discriminator.forward(x), null, options)
    {
    }

    /// <summary>
    /// Sets up a conditional pair: G(z | y) and D(x | y) over <paramref name="classes"/> classes. Each step then
    /// needs the real batch's labels; generated images get labels drawn uniformly at random, and the fixed noise
    /// comes with fixed labels 0, 1, …, classes − 1, 0, 1, ….
    /// </summary>
    public GanTrainer(nn.Module<Tensor, Tensor, Tensor> generator, nn.Module<Tensor, Tensor, Tensor> discriminator, int classes, GanTrainerOptions? options = null)
        : this(generator, discriminator, (z, y) => generator.forward(z, y!), (x, y) => discriminator.forward(x, y!),
            classes >= 2 ? classes : throw new ArgumentOutOfRangeException(nameof(classes), classes, "a conditional GAN needs at least 2 classes"), options)
    {
    }

    private GanTrainer(nn.Module generator, nn.Module discriminator, Func<Tensor, Tensor?, Tensor> generate,
        Func<Tensor, Tensor?, Tensor> discriminate, int? classes, GanTrainerOptions? options)
    {
        GanNotebooks.Hardware.CpuKernels.EnsureIfPossible();
        Options = (options ?? new GanTrainerOptions()).Validate();
        int? latent = generator switch
        {
            MlpGenerator m => m.Config.LatentSize,
            DcganGenerator d => d.Config.LatentSize,
            ConditionalGenerator c => c.LatentSize,
            Toy.Toy2DGenerator t => t.Config.LatentSize,
            _ => null,
        };
        if (latent is { } expected && expected != Options.LatentSize)
            throw new ArgumentException($"GanTrainerOptions.LatentSize = {Options.LatentSize} does not match the generator's latent size {expected}.", nameof(options));
        GanTrainerChecks.NetworksFitOptions(discriminator, classes, Options);
        this.generator = generator;
        this.discriminator = discriminator;
        this.generate = generate;
        this.discriminate = discriminate;
        Classes = classes;
        device = generator.parameters().First().device;
        generatorOptimizer = OptimizerFactory.Create(Options.GeneratorOptimizer, generator.parameters());
        discriminatorOptimizer = OptimizerFactory.Create(Options.DiscriminatorOptimizer, discriminator.parameters());
        noise = new Generator((ulong)Options.Seed, device);
        FixedNoise = NewNoise(Options.FixedNoiseCount);
        FixedLabels = classes is { } k ? arange(Options.FixedNoiseCount, ScalarType.Int64, device).remainder(k) : null;
    }

    /// <summary>Number of classes of a conditional pair; null for an unconditional one.</summary>
    public int? Classes { get; }

    /// <summary>The labels that go with <see cref="FixedNoise"/> in a conditional pair (0, 1, …, cycling); else null.</summary>
    public Tensor? FixedLabels { get; }

    /// <summary>The settings this trainer runs with.</summary>
    public GanTrainerOptions Options { get; }

    /// <summary>Noise vectors drawn once; <see cref="SampleFixed"/> turns them into the progress pictures.</summary>
    public Tensor FixedNoise { get; }

    /// <summary>Everything measured so far.</summary>
    public TrainingHistory History { get; } = new();

    /// <summary>Steps completed.</summary>
    public long Step { get; private set; }

    /// <summary>
    /// One training step on a batch of real images in [-1, 1] (and, for a conditional pair, their labels): D takes a
    /// step to tell them from G's images, then G takes a step to fool the updated D. Returns what the step measured.
    /// Every step updates D once on the batch it is given; G is updated only on steps that complete a round of
    /// <see cref="GanTrainerOptions.DiscriminatorSteps"/> D updates, and then
    /// <see cref="GanTrainerOptions.GeneratorStepsPerDiscriminatorStep"/> times. So <see cref="Step"/> counts D
    /// updates and batches taken, and on steps without a G update the returned G measurements are those of the
    /// latest G update (NaN before the first).
    /// </summary>
    public StepMetrics TrainStep(Tensor realImages, Tensor? labels = null)
    {
        if (Classes is not null && labels is null)
            throw new ArgumentNullException(nameof(labels), "A conditional GAN trains on labelled images: pass the batch's labels.");
        using var scope = NewDisposeScope();
        generator.train();
        discriminator.train();
        StepHelpers.ScheduleLearningRate(discriminatorOptimizer, Options.DiscriminatorOptimizer, Step);
        StepHelpers.ScheduleLearningRate(generatorOptimizer, Options.GeneratorOptimizer, Step);
        var real = realImages.to(device);
        var realLabels = labels?.to(device);
        bool updatesGenerator = (Step + 1) % Options.DiscriminatorSteps() == 0;
        var fakeLabels = NewLabels(real.shape[0]);
        Tensor fake;
        using (updatesGenerator ? null : no_grad()) fake = generate(NewNoise(real.shape[0]), fakeLabels);

        double sigma = Options.InstanceNoiseStd(Step);
        var d = UpdateDiscriminator(real, realLabels, fake.detach(), fakeLabels, sigma, learn: Options.DiscriminatorLearnsAt(Step));
        for (int k = 0; updatesGenerator && k < Options.GeneratorStepsPerDiscriminatorStep; k++)
        {
            if (k > 0)
            {
                fakeLabels = NewLabels(real.shape[0]);
                fake = generate(NewNoise(real.shape[0]), fakeLabels);
            }
            latestGenerator = UpdateGenerator(real, fake, fakeLabels, sigma);
        }

        var metrics = new StepMetrics(Step, d.LossReal, d.LossFake, latestGenerator.Loss, d.MeanReal, d.MeanFake, latestGenerator.MeanFake)
        {
            GeneratorGradientNorm = latestGenerator.GradientNorm,
            DiscriminatorGradientNorm = d.GradientNorm,
            GradientPenalty = d.Penalty,
        };
        History.Add(metrics);
        Step++;
        return metrics;
    }

    /// <summary>G's images for the fixed noise (and fixed labels), in [-1, 1], on the CPU (inference mode: BatchNorm uses its running statistics).</summary>
    public Tensor SampleFixed() => Generate(FixedNoise, FixedLabels);

    /// <summary>
    /// <paramref name="count"/> new images from fresh noise, in [-1, 1], on the CPU. A conditional pair draws them
    /// for labels 0, 1, …, cycling (so 1,000 samples hold 100 of each of 10 classes).
    /// </summary>
    public Tensor Sample(int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "the number of samples must be at least 1");
        using var scope = NewDisposeScope();
        var labels = Classes is { } k ? arange(count, ScalarType.Int64, device).remainder(k) : null;
        return Generate(NewNoise(count), labels).MoveToOuterDisposeScope();
    }

    /// <summary>New images from fresh noise for the requested <paramref name="labels"/> (conditional pairs only).</summary>
    public Tensor Sample(Tensor labels)
    {
        if (Classes is null) throw new InvalidOperationException("This trainer's generator is not conditional: call Sample(count).");
        using var scope = NewDisposeScope();
        return Generate(NewNoise(labels.shape[0]), labels.to(device)).MoveToOuterDisposeScope();
    }

    /// <summary>G's images for given noise <paramref name="z"/> (and labels, for a conditional pair), in [-1, 1], on the CPU.</summary>
    public Tensor Generate(Tensor z, Tensor? labels = null)
    {
        if (Classes is not null && labels is null)
            throw new ArgumentNullException(nameof(labels), "A conditional generator needs a label for every noise vector.");
        return InferenceMode.Run(generator, () => generate(z.to(device), labels?.to(device)));
    }

    /// <summary>
    /// Measures pixel mean and standard deviation of G's fixed-noise images against <paramref name="realImages"/>,
    /// records them in <see cref="History"/> and returns them.
    /// </summary>
    public PixelStatistics MeasurePixels(Tensor realImages)
    {
        using var scope = NewDisposeScope();
        var fake = SampleFixed();
        var stats = new PixelStatistics(Step, fake.mean().item<float>(), fake.std().item<float>(),
            realImages.mean().item<float>(), realImages.std().item<float>());
        History.Add(stats);
        return stats;
    }

    /// <summary>
    /// Trains over <paramref name="batches"/>, stopping at a step boundary when cancelled. Cancellation is checked
    /// before the next batch is taken, so a <see cref="Data.ShuffledBatches"/> position stays in step with
    /// <see cref="Step"/> and a checkpoint written after the stop resumes at the right batch.
    /// </summary>
    public void Fit(IEnumerable<Tensor> batches, IProgress<StepMetrics>? progress = null, CancellationToken cancellation = default)
    {
        using var enumerator = batches.GetEnumerator();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!enumerator.MoveNext()) return;
            var metrics = TrainStep(enumerator.Current);
            progress?.Report(metrics);
        }
    }

    /// <summary>The generator network G being trained.</summary>
    internal nn.Module GeneratorNetwork => generator;

    /// <summary>The discriminator network D being trained.</summary>
    internal nn.Module DiscriminatorNetwork => discriminator;

    /// <summary>G's optimizer.</summary>
    internal optim.Optimizer GeneratorOptimizer => generatorOptimizer;

    /// <summary>D's optimizer.</summary>
    internal optim.Optimizer DiscriminatorOptimizer => discriminatorOptimizer;

    /// <summary>The trainer's own noise generator (on the networks' device).</summary>
    internal Generator NoiseGenerator => noise;

    /// <summary>Sets the step count after a checkpoint was loaded (and its history restored).</summary>
    internal void RestoreStep(long step)
    {
        Step = step;
        latestGenerator = History.Count == 0 ? GeneratorUpdate.None
            : new GeneratorUpdate(History.Steps[^1].GeneratorLoss, History.Steps[^1].DOfGAfterUpdate, History.Steps[^1].GeneratorGradientNorm);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        generatorOptimizer.Dispose();
        discriminatorOptimizer.Dispose();
        FixedNoise.Dispose();
        FixedLabels?.Dispose();
        noise.Dispose();
    }

    private Tensor NewNoise(long count) => randn(count, Options.LatentSize, device: device, generator: noise);

    private void ThrowIfNotFinite(Tensor loss, string name) => StepHelpers.ThrowIfNotFinite(loss, Step, name);

    /// <summary>
    /// One D update: push D(x) up and D(G(z)) down, both seen through instance noise of standard deviation
    /// <paramref name="sigma"/> (none when 0). <paramref name="fake"/> is detached: this update does not train G. The
    /// loss is checked before the update, so on a non-finite loss the networks keep their last good weights. When
    /// <paramref name="learn"/> is false (D frozen) the losses are measured and D's weights are left as they are.
    /// </summary>
    private DiscriminatorUpdate UpdateDiscriminator(Tensor real, Tensor? realLabels, Tensor fake, Tensor? fakeLabels, double sigma, bool learn)
    {
        discriminator.zero_grad();   // gradients set to none: backward writes them instead of adding to zeros
        real = WithInstanceNoise(real, sigma);
        fake = WithInstanceNoise(fake, sigma);
        var realOutput = discriminate(real, realLabels);
        var fakeOutput = discriminate(fake, fakeLabels);
        Tensor lossReal, lossFake, meanReal, meanFake;
        Tensor? penalty = null;
        if (Options.IsWasserstein())
        {
            (meanReal, meanFake) = (realOutput.mean(), fakeOutput.mean());
            (lossReal, lossFake) = (meanReal.neg(), meanFake);
            if (Options.Objective == GanObjective.WassersteinGradientPenalty)
            {
                var mix = rand([real.shape[0]], device: device, generator: noise);
                penalty = Options.GradientPenaltyWeight * GradientPenalty.Compute(x => discriminate(x, null), real, fake, mix);
            }
        }
        else
        {
            (lossReal, lossFake) = GanLosses.Discriminator(realOutput, fakeOutput, Options.RealLabel);
            (meanReal, meanFake) = (realOutput.sigmoid().mean(), fakeOutput.sigmoid().mean());
        }
        var loss = penalty is null ? lossReal + lossFake : lossReal + lossFake + penalty;
        ThrowIfNotFinite(loss, "Loss_D");
        if (!learn)
            return new DiscriminatorUpdate(lossReal.item<float>(), lossFake.item<float>(), penalty?.item<float>() ?? 0f,
                meanReal.item<float>(), meanFake.item<float>(), float.NaN);
        loss.backward();
        float gradientNorm = Options.RecordGradientNorms ? StepHelpers.GradientNorm(discriminator) : float.NaN;
        discriminatorOptimizer.step();
        if (Options.Objective == GanObjective.WassersteinWeightClipping) ClipWeights(discriminator, Options.WeightClip);
        return new DiscriminatorUpdate(lossReal.item<float>(), lossFake.item<float>(), penalty?.item<float>() ?? 0f,
            meanReal.item<float>(), meanFake.item<float>(), gradientNorm);
    }

    /// <summary>
    /// One G update: push D(G(z)) up (or, with feature matching, pull the mean of D's features on G's samples
    /// towards their mean on <paramref name="real"/>), through the discriminator as it now is (D's weights stay frozen)
    /// and through the same instance noise as D's update.
    /// </summary>
    private GeneratorUpdate UpdateGenerator(Tensor real, Tensor fake, Tensor? fakeLabels, double sigma)
    {
        generator.zero_grad();
        fake = WithInstanceNoise(fake, sigma);
        StepHelpers.SetRequiresGrad(discriminator, false);
        try
        {
            var critic = Options.IsWasserstein();
            Tensor fooledOutput, loss;
            if (Options.GeneratorLoss == GeneratorLossKind.FeatureMatching)
            {
                // Only reachable for unconditional pairs whose D exposes its features (checked when the trainer was made).
                var features = (IFeatureDiscriminator)discriminator;
                Tensor realFeatures;
                using (no_grad()) realFeatures = features.Features(WithInstanceNoise(real, sigma));
                var fakeFeatures = features.Features(fake);
                loss = GanLosses.FeatureMatching(realFeatures, fakeFeatures);
                fooledOutput = features.Classify(fakeFeatures);
            }
            else
            {
                fooledOutput = discriminate(fake, fakeLabels);
                loss = critic ? fooledOutput.mean().neg() : GanLosses.Generator(fooledOutput, Options.GeneratorLoss);
            }
            ThrowIfNotFinite(loss, "Loss_G");
            loss.backward();
            float gradientNorm = Options.RecordGradientNorms ? StepHelpers.GradientNorm(generator) : float.NaN;
            generatorOptimizer.step();
            var meanFake = critic ? fooledOutput.mean() : fooledOutput.sigmoid().mean();
            return new GeneratorUpdate(loss.item<float>(), meanFake.item<float>(), gradientNorm);
        }
        finally
        {
            StepHelpers.SetRequiresGrad(discriminator, true);
        }
    }

    /// <summary><paramref name="x"/> plus Gaussian noise of standard deviation <paramref name="sigma"/> from the trainer's generator (none when 0).</summary>
    private Tensor WithInstanceNoise(Tensor x, double sigma) =>
        sigma == 0 ? x : x + sigma * randn(x.shape, x.dtype, device, generator: noise);

    private Tensor? NewLabels(long count) =>
        Classes is { } classes ? randint(0, classes, [count], ScalarType.Int64, device, generator: noise) : null;


    /// <summary>WGAN's constraint: clamps every parameter of <paramref name="module"/> to [−<paramref name="bound"/>, <paramref name="bound"/>] in place.</summary>
    private static void ClipWeights(nn.Module module, double bound)
    {
        using var noGrad = no_grad();
        foreach (var p in module.parameters()) p.clamp_(-bound, bound);
    }


    /// <summary>What one D update measured: its two loss terms, the gradient penalty, D's mean output on real and generated images, its gradient norm.</summary>
    private readonly record struct DiscriminatorUpdate(float LossReal, float LossFake, float Penalty, float MeanReal, float MeanFake, float GradientNorm);

    /// <summary>What one G update measured: its loss, D's mean output on its images, its gradient norm.</summary>
    private readonly record struct GeneratorUpdate(float Loss, float MeanFake, float GradientNorm)
    {
        public static GeneratorUpdate None { get; } = new(float.NaN, float.NaN, float.NaN);
    }
}
