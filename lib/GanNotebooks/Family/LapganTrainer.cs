using GanNotebooks.Models;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Family;

/// <summary>
/// Trains a LAPGAN (Denton et al. 2015): an ordinary GAN on the coarsest level of the Laplacian pyramid, and at each
/// finer level a conditional GAN whose generator draws the residual from the up-sampled coarser image,
/// G(z, up(coarse)) → h, and whose discriminator judges D(h, up(coarse)). Every level trains independently on the
/// pyramid of the real batch (binary cross-entropy, non-saturating G loss, one D then one G update per level and step).
/// Sampling runs down the pyramid: the base generator draws a coarse image, each level up-samples it and adds its
/// generated residual (<see cref="SampleLevels"/>). Each step runs in its own dispose scope, checks every loss before
/// its update and returns plain numbers. Introduced in notebook 08-gan-family.
/// </summary>
public sealed class LapganTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> baseGenerator;
    private readonly nn.Module<Tensor, Tensor> baseDiscriminator;
    private readonly IReadOnlyList<(LapganResidualGenerator Generator, LapganResidualDiscriminator Discriminator)> levels;
    private readonly List<(optim.Optimizer Generator, optim.Optimizer Discriminator)> optimizers = [];
    private readonly Generator noise;
    private readonly Device device;

    /// <summary>
    /// Sets up the coarsest level's pair and the refinement levels, ordered coarse to fine (for MNIST: a 7×7 base pair
    /// and levels of size 14 and 28). Each level's size must be twice the one before it.
    /// </summary>
    public LapganTrainer(nn.Module<Tensor, Tensor> baseGenerator, nn.Module<Tensor, Tensor> baseDiscriminator,
        IReadOnlyList<(LapganResidualGenerator Generator, LapganResidualDiscriminator Discriminator)> levels, LapganTrainerOptions? options = null)
    {
        Options = (options ?? new LapganTrainerOptions()).Validate();
        if (levels.Count == 0) throw new ArgumentException("a LAPGAN needs at least one refinement level.", nameof(levels));
        if (baseGenerator is MlpGenerator m && m.Config.LatentSize != Options.BaseLatentSize)
            throw new ArgumentException($"LapganTrainerOptions.BaseLatentSize = {Options.BaseLatentSize} does not match the base generator's latent size {m.Config.LatentSize}.", nameof(options));
        for (int i = 0; i < levels.Count; i++)
        {
            if (levels[i].Generator.Config.ImageSize != levels[i].Discriminator.Config.ImageSize)
                throw new ArgumentException($"level {i + 1}: the generator makes {levels[i].Generator.Config.ImageSize}×{levels[i].Generator.Config.ImageSize} residuals " +
                    $"but the discriminator judges {levels[i].Discriminator.Config.ImageSize}×{levels[i].Discriminator.Config.ImageSize}.", nameof(levels));
            if (i > 0 && levels[i].Generator.Config.ImageSize != 2 * levels[i - 1].Generator.Config.ImageSize)
                throw new ArgumentException($"level {i + 1} has size {levels[i].Generator.Config.ImageSize}, but it must be twice level {i}'s ({levels[i - 1].Generator.Config.ImageSize}).", nameof(levels));
        }
        this.baseGenerator = baseGenerator;
        this.baseDiscriminator = baseDiscriminator;
        this.levels = levels;
        device = StepHelpers.DeviceOf(baseGenerator);
        optimizers.Add((OptimizerFactory.Create(Options.GeneratorOptimizer, baseGenerator.parameters()),
            OptimizerFactory.Create(Options.DiscriminatorOptimizer, baseDiscriminator.parameters())));
        foreach (var (g, d) in levels)
            optimizers.Add((OptimizerFactory.Create(Options.GeneratorOptimizer, g.parameters()), OptimizerFactory.Create(Options.DiscriminatorOptimizer, d.parameters())));
        noise = new Generator((ulong)Options.Seed, device);
    }

    /// <summary>The settings this trainer runs with.</summary>
    public LapganTrainerOptions Options { get; }

    /// <summary>Number of pyramid levels: the coarsest plus one per refinement level.</summary>
    public int PyramidLevels => levels.Count + 1;

    /// <summary>Steps completed.</summary>
    public long Step { get; private set; }

    /// <summary>Everything measured so far, one entry per step.</summary>
    public IReadOnlyList<LapganStepMetrics> History => history;

    private readonly List<LapganStepMetrics> history = [];

    /// <summary>
    /// One step on a batch of real images in [-1, 1] at full size: builds their pyramid, then updates every level's
    /// D and G once. Returns each level's numbers, coarse to fine.
    /// </summary>
    public LapganStepMetrics TrainStep(Tensor realImages)
    {
        using var scope = NewDisposeScope();
        var real = realImages.to(device);
        using var pyramid = LaplacianPyramid.Build(real, PyramidLevels);
        var images = pyramid.Images();
        long batch = real.shape[0];
        var metrics = new List<StepMetrics>
        {
            TrainPair(baseGenerator, baseDiscriminator, optimizers[0], pyramid.Coarsest,
                () => baseGenerator.forward(randn(batch, Options.BaseLatentSize, device: device, generator: noise)), baseDiscriminator.forward, "base level"),
        };
        for (int i = 0; i < levels.Count; i++)
        {
            var (g, d) = levels[i];
            var coarseUp = LaplacianPyramid.Upsample(images[i]);
            metrics.Add(TrainPair(g, d, optimizers[i + 1], pyramid.Residuals[i],
                () => g.forward(randn(batch, g.Config.LatentSize, device: device, generator: noise), coarseUp), h => d.forward(h, coarseUp), $"level {i + 1}"));
        }
        var result = new LapganStepMetrics(Step, metrics);
        history.Add(result);
        Step++;
        return result;
    }

    /// <summary>
    /// <paramref name="count"/> samples drawn down the pyramid, every level's images coarsest first (for MNIST 7×7,
    /// 14×14, 28×28), on the CPU. Each level is the up-sampled level above plus the generated residual, clamped to
    /// [-1, 1] (the range the levels were trained on).
    /// </summary>
    public IReadOnlyList<Tensor> SampleLevels(int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "the number of samples must be at least 1");
        var networks = new List<nn.Module> { baseGenerator };
        networks.AddRange(levels.Select(l => (nn.Module)l.Generator));
        var wasTraining = networks.Select(n => n.training).ToList();
        foreach (var n in networks) n.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var images = new List<Tensor> { baseGenerator.forward(randn(count, Options.BaseLatentSize, device: device, generator: noise)).clamp(-1, 1) };
            foreach (var (g, _) in levels)
            {
                var up = LaplacianPyramid.Upsample(images[^1]);
                images.Add((up + g.forward(randn(count, g.Config.LatentSize, device: device, generator: noise), up)).clamp(-1, 1));
            }
            return images.Select(x => x.cpu().MoveToOuterDisposeScope()).ToList();
        }
        finally
        {
            for (int i = 0; i < networks.Count; i++) networks[i].train(wasTraining[i]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (g, d) in optimizers)
        {
            g.Dispose();
            d.Dispose();
        }
        noise.Dispose();
    }

    /// <summary>One D update and one G update of one level's pair, with binary cross-entropy on D's logits.</summary>
    private StepMetrics TrainPair(nn.Module generator, nn.Module discriminator, (optim.Optimizer Generator, optim.Optimizer Discriminator) optimizer,
        Tensor real, Func<Tensor> generate, Func<Tensor, Tensor> discriminate, string level)
    {
        generator.train();
        discriminator.train();
        StepHelpers.ScheduleLearningRate(optimizer.Discriminator, Options.DiscriminatorOptimizer, Step);
        StepHelpers.ScheduleLearningRate(optimizer.Generator, Options.GeneratorOptimizer, Step);
        var fake = generate();

        discriminator.zero_grad();   // gradients set to none: backward writes them instead of adding to zeros
        var realLogits = discriminate(real);
        var fakeLogits = discriminate(fake.detach());
        var (lossReal, lossFake) = GanLosses.Discriminator(realLogits, fakeLogits);
        var lossD = lossReal + lossFake;
        StepHelpers.ThrowIfNotFinite(lossD, Step, $"Loss_D ({level})");
        lossD.backward();
        float normD = StepHelpers.GradientNorm(discriminator);
        optimizer.Discriminator.step();

        generator.zero_grad();
        StepHelpers.SetRequiresGrad(discriminator, false);
        try
        {
            var fooled = discriminate(fake);
            var lossG = GanLosses.Generator(fooled, GeneratorLossKind.NonSaturating);
            StepHelpers.ThrowIfNotFinite(lossG, Step, $"Loss_G ({level})");
            lossG.backward();
            float normG = StepHelpers.GradientNorm(generator);
            optimizer.Generator.step();
            return new StepMetrics(Step, lossReal.item<float>(), lossFake.item<float>(), lossG.item<float>(),
                realLogits.sigmoid().mean().item<float>(), fakeLogits.sigmoid().mean().item<float>(), fooled.sigmoid().mean().item<float>())
            {
                GeneratorGradientNorm = normG,
                DiscriminatorGradientNorm = normD,
            };
        }
        finally
        {
            StepHelpers.SetRequiresGrad(discriminator, true);
        }
    }
}
