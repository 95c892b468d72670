using GanNotebooks.Models;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Family;

/// <summary>
/// Trains an AC-GAN (Odena et al. 2017): G(z, y) as notebook 05's <see cref="ConditionalGenerator"/>, D without the
/// label but with a class head (<see cref="AcGanDiscriminator"/>). Each step: D takes one update on
/// L_S + w·(L_C(real) + L_C(fake)), then G one update on its non-saturating source loss + w·L_C(fake)
/// (<see cref="AcGanLosses"/>, w = <see cref="AcGanTrainerOptions.ClassWeight"/>). Generated images get labels drawn
/// uniformly at random. Each step runs in its own dispose scope, checks its losses before each update and returns
/// plain numbers. Introduced in notebook 08-gan-family.
/// </summary>
public sealed class AcGanTrainer : IDisposable
{
    private readonly ConditionalGenerator generator;
    private readonly AcGanDiscriminator discriminator;
    private readonly optim.Optimizer generatorOptimizer;
    private readonly optim.Optimizer discriminatorOptimizer;
    private readonly Generator noise;
    private readonly Device device;
    private readonly List<AcGanStepMetrics> history = [];

    /// <summary>Sets up the optimizers, the noise generator and the fixed noise with its cycling labels.</summary>
    public AcGanTrainer(ConditionalGenerator generator, AcGanDiscriminator discriminator, AcGanTrainerOptions? options = null)
    {
        Options = (options ?? new AcGanTrainerOptions()).Validate();
        if (generator.LatentSize != Options.LatentSize)
            throw new ArgumentException($"AcGanTrainerOptions.LatentSize = {Options.LatentSize} does not match the generator's latent size {generator.LatentSize}.", nameof(options));
        if (generator.Classes != discriminator.Classes)
            throw new ArgumentException($"the generator draws {generator.Classes} classes but the discriminator's head tells {discriminator.Classes} apart.", nameof(discriminator));
        this.generator = generator;
        this.discriminator = discriminator;
        device = StepHelpers.DeviceOf(generator);
        generatorOptimizer = OptimizerFactory.Create(Options.GeneratorOptimizer, generator.parameters());
        discriminatorOptimizer = OptimizerFactory.Create(Options.DiscriminatorOptimizer, discriminator.parameters());
        noise = new Generator((ulong)Options.Seed, device);
        FixedNoise = randn(Options.FixedNoiseCount, Options.LatentSize, device: device, generator: noise);
        FixedLabels = arange(Options.FixedNoiseCount, ScalarType.Int64, device).remainder(Classes);
    }

    /// <summary>Number of classes.</summary>
    public int Classes => generator.Classes;

    /// <summary>The settings this trainer runs with.</summary>
    public AcGanTrainerOptions Options { get; }

    /// <summary>Noise vectors drawn once, for progress pictures.</summary>
    public Tensor FixedNoise { get; }

    /// <summary>The labels that go with <see cref="FixedNoise"/>: 0, 1, …, Classes − 1, 0, 1, ….</summary>
    public Tensor FixedLabels { get; }

    /// <summary>Steps completed.</summary>
    public long Step { get; private set; }

    /// <summary>Everything measured so far, one entry per step.</summary>
    public IReadOnlyList<AcGanStepMetrics> History => history;

    /// <summary>One D update and one G update on a batch of real images in [-1, 1] and their labels [N] (int64).</summary>
    public AcGanStepMetrics TrainStep(Tensor realImages, Tensor labels)
    {
        if (labels.dim() != 1 || labels.shape[0] != realImages.shape[0])
            throw new ArgumentException($"expected one label per image ([{realImages.shape[0]}]), got [{string.Join(", ", labels.shape)}].", nameof(labels));
        using var scope = NewDisposeScope();
        generator.train();
        discriminator.train();
        StepHelpers.ScheduleLearningRate(discriminatorOptimizer, Options.DiscriminatorOptimizer, Step);
        StepHelpers.ScheduleLearningRate(generatorOptimizer, Options.GeneratorOptimizer, Step);
        var real = realImages.to(device);
        var realLabels = labels.to(device).to_type(ScalarType.Int64);
        long batch = real.shape[0];
        var fakeLabels = randint(0, Classes, [batch], ScalarType.Int64, device, generator: noise);
        var fake = generator.forward(randn(batch, Options.LatentSize, device: device, generator: noise), fakeLabels);
        double w = Options.ClassWeight;

        discriminator.zero_grad();   // gradients set to none: backward writes them instead of adding to zeros
        var realHeads = discriminator.Heads(real);
        var fakeHeads = discriminator.Heads(fake.detach());
        var (sourceReal, sourceFake, classReal, classFake) = AcGanLosses.Discriminator(realHeads, realLabels, fakeHeads, fakeLabels);
        var lossD = sourceReal + sourceFake + w * (classReal + classFake);
        StepHelpers.ThrowIfNotFinite(lossD, Step, "Loss_D");
        lossD.backward();
        float normD = StepHelpers.GradientNorm(discriminator);
        discriminatorOptimizer.step();

        generator.zero_grad();
        StepHelpers.SetRequiresGrad(discriminator, false);
        AcGanStepMetrics metrics;
        try
        {
            var heads = discriminator.Heads(fake);
            var (source, classLoss) = AcGanLosses.Generator(heads, fakeLabels);
            var lossG = source + w * classLoss;
            StepHelpers.ThrowIfNotFinite(lossG, Step, "Loss_G");
            lossG.backward();
            float normG = StepHelpers.GradientNorm(generator);
            generatorOptimizer.step();
            var adversarial = new StepMetrics(Step, sourceReal.item<float>(), sourceFake.item<float>(), source.item<float>(),
                realHeads.SourceLogits.sigmoid().mean().item<float>(), fakeHeads.SourceLogits.sigmoid().mean().item<float>(), heads.SourceLogits.sigmoid().mean().item<float>())
            {
                GeneratorGradientNorm = normG,
                DiscriminatorGradientNorm = normD,
            };
            metrics = new AcGanStepMetrics(adversarial, classReal.item<float>(), classFake.item<float>(), classLoss.item<float>(),
                Accuracy(realHeads.ClassLogits, realLabels), Accuracy(heads.ClassLogits, fakeLabels));
        }
        finally
        {
            StepHelpers.SetRequiresGrad(discriminator, true);
        }
        history.Add(metrics);
        Step++;
        return metrics;
    }

    /// <summary>G's images for the fixed noise and labels, in [-1, 1], on the CPU.</summary>
    public Tensor SampleFixed() => Generate(FixedNoise, FixedLabels);

    /// <summary>New images from fresh noise for the requested <paramref name="labels"/> [N], in [-1, 1], on the CPU.</summary>
    public Tensor Sample(Tensor labels)
    {
        using var scope = NewDisposeScope();
        return Generate(randn(labels.shape[0], Options.LatentSize, device: device, generator: noise), labels).MoveToOuterDisposeScope();
    }

    /// <summary>G's images for noise <paramref name="z"/> and <paramref name="labels"/>, in [-1, 1], on the CPU, in inference mode.</summary>
    public Tensor Generate(Tensor z, Tensor labels)
    {
        return InferenceMode.Run(generator, () => generator.forward(z.to(device), labels.to(device).to_type(ScalarType.Int64)));
    }

    /// <summary>The class head's most likely class [N] (int64, on the CPU) for images [N, channels, size, size], in inference mode.</summary>
    public Tensor Classify(Tensor images)
    {
        return InferenceMode.Run(discriminator, () => discriminator.Heads(images.to(device)).ClassLogits.argmax(1));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        generatorOptimizer.Dispose();
        discriminatorOptimizer.Dispose();
        FixedNoise.Dispose();
        FixedLabels.Dispose();
        noise.Dispose();
    }

    private static float Accuracy(Tensor logits, Tensor labels) => logits.argmax(1).eq(labels).to_type(ScalarType.Float32).mean().item<float>();
}
