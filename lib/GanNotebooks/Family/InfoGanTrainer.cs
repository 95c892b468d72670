using GanNotebooks.Models;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Family;

/// <summary>
/// Trains an InfoGAN (Chen et al. 2016): the ordinary GAN game plus λ times the information loss, which makes the
/// codes c recoverable from G(z, c) and so, without labels, tends to give them meaning (digit class, slant, width).
/// Each step: D and Q take one update on real images and G's (detached) images, minimising binary cross-entropy plus
/// λ·(information loss on the codes that made G's images); then G takes one update, minimising the non-saturating
/// loss plus λ·(information loss through the frozen D and Q). Each step runs in its own dispose scope, checks its
/// losses before each update, and returns plain numbers. Introduced in notebook 08-gan-family.
/// </summary>
public sealed class InfoGanTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> generator;
    private readonly InfoGanDiscriminator discriminator;
    private readonly optim.Optimizer generatorOptimizer;
    private readonly optim.Optimizer discriminatorOptimizer;
    private readonly Generator noise;
    private readonly Device device;
    private readonly List<InfoGanStepMetrics> history = [];

    /// <summary>Sets up the optimizers and the noise generator.</summary>
    public InfoGanTrainer(nn.Module<Tensor, Tensor> generator, InfoGanDiscriminator discriminator, InfoGanTrainerOptions? options = null)
    {
        Options = (options ?? new InfoGanTrainerOptions()).Validate();
        int? latent = generator switch
        {
            MlpGenerator m => m.Config.LatentSize,
            DcganGenerator d => d.Config.LatentSize,
            _ => null,
        };
        if (latent is { } size && size != Options.Codes.LatentSize)
            throw new ArgumentException($"InfoGanTrainerOptions.Codes has a latent size of {Options.Codes.LatentSize} (noise + categories + continuous codes), " +
                $"but the generator takes {size}.", nameof(options));
        if (discriminator.Codes != Options.Codes)
            throw new ArgumentException($"InfoGanTrainerOptions.Codes = {Options.Codes} differs from the codes the discriminator's Q head predicts, {discriminator.Codes}.", nameof(options));
        this.generator = generator;
        this.discriminator = discriminator;
        device = StepHelpers.DeviceOf(generator);
        generatorOptimizer = OptimizerFactory.Create(Options.GeneratorOptimizer, generator.parameters());
        discriminatorOptimizer = OptimizerFactory.Create(Options.DiscriminatorOptimizer, discriminator.parameters());
        noise = new Generator((ulong)Options.Seed, device);
    }

    /// <summary>The settings this trainer runs with.</summary>
    public InfoGanTrainerOptions Options { get; }

    /// <summary>Steps completed.</summary>
    public long Step { get; private set; }

    /// <summary>Everything measured so far, one entry per step.</summary>
    public IReadOnlyList<InfoGanStepMetrics> History => history;

    /// <summary>One D-and-Q update and one G update on a batch of real images in [-1, 1] (labels are not used).</summary>
    public InfoGanStepMetrics TrainStep(Tensor realImages)
    {
        using var scope = NewDisposeScope();
        generator.train();
        discriminator.train();
        StepHelpers.ScheduleLearningRate(discriminatorOptimizer, Options.DiscriminatorOptimizer, Step);
        StepHelpers.ScheduleLearningRate(generatorOptimizer, Options.GeneratorOptimizer, Step);
        var real = realImages.to(device);
        var latent = Options.Codes.Sample(real.shape[0], noise, device);
        var fake = generator.forward(Options.Codes.Compose(latent));
        double lambda = Options.InformationWeight;

        discriminator.zero_grad();   // gradients set to none: backward writes them instead of adding to zeros
        var realLogits = discriminator.forward(real);
        var fakeHeads = discriminator.Heads(fake.detach());
        var (lossReal, lossFake) = GanLosses.Discriminator(realLogits, fakeHeads.Logits);
        var (categoricalD, continuousD) = InfoGanLosses.Information(fakeHeads, latent);
        var lossD = lossReal + lossFake + lambda * (categoricalD + continuousD);
        StepHelpers.ThrowIfNotFinite(lossD, Step, "Loss_D");
        lossD.backward();
        float normD = StepHelpers.GradientNorm(discriminator);
        discriminatorOptimizer.step();

        generator.zero_grad();
        StepHelpers.SetRequiresGrad(discriminator, false);
        InfoGanStepMetrics metrics;
        try
        {
            var heads = discriminator.Heads(fake);
            var adversarial = GanLosses.Generator(heads.Logits, GeneratorLossKind.NonSaturating);
            var (categorical, continuous) = InfoGanLosses.Information(heads, latent);
            var lossG = adversarial + lambda * (categorical + continuous);
            StepHelpers.ThrowIfNotFinite(lossG, Step, "Loss_G");
            lossG.backward();
            float normG = StepHelpers.GradientNorm(generator);
            generatorOptimizer.step();
            var accuracy = heads.CategoryLogits.argmax(1).eq(latent.Categories).to_type(ScalarType.Float32).mean();
            var step = new StepMetrics(Step, lossReal.item<float>(), lossFake.item<float>(), adversarial.item<float>(),
                realLogits.sigmoid().mean().item<float>(), fakeHeads.Logits.sigmoid().mean().item<float>(), heads.Logits.sigmoid().mean().item<float>())
            {
                GeneratorGradientNorm = normG,
                DiscriminatorGradientNorm = normD,
            };
            metrics = new InfoGanStepMetrics(step, categorical.item<float>(), continuous.item<float>(), accuracy.item<float>());
        }
        finally
        {
            StepHelpers.SetRequiresGrad(discriminator, true);
        }
        history.Add(metrics);
        Step++;
        return metrics;
    }

    /// <summary>G's images for a latent (e.g. from <see cref="InfoGanCodes.CategoryGrid"/>), in [-1, 1], on the CPU, in inference mode.</summary>
    public Tensor Generate(InfoGanLatent latent)
    {
        return InferenceMode.Run(generator, () => generator.forward(
            Options.Codes.Compose(new InfoGanLatent(latent.Noise.to(device), latent.Categories.to(device), latent.Continuous.to(device)))));
    }

    /// <summary>
    /// Q's most likely category [N] (int64, on the CPU) for images [N, channels, size, size], in inference mode: pair it
    /// with the true classes in <see cref="CodeAssignment.Best"/> to see what the categorical code learned.
    /// </summary>
    public Tensor PredictCategories(Tensor images)
    {
        return InferenceMode.Run(discriminator, () => discriminator.Heads(images.to(device)).CategoryLogits.argmax(1));
    }

    /// <summary>A fresh latent of <paramref name="count"/> samples from the trainer's seeded noise generator (on the networks' device).</summary>
    public InfoGanLatent SampleLatent(int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "the number of samples must be at least 1");
        return Options.Codes.Sample(count, noise, device);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        generatorOptimizer.Dispose();
        discriminatorOptimizer.Dispose();
        noise.Dispose();
    }
}
