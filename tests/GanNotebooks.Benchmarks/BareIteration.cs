using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// The same iteration written as a plain TorchSharp loop, line for line the twin of reference/gan_step.py: a random
/// batch, D's update on the detached fake batch, G's update through the updated D with D's weights frozen, the loss
/// values read as numbers. No history, gradient norms or metrics: the yardstick for the kit's own overhead.
/// </summary>
public sealed class BareIteration : ITrainingIteration
{
    private readonly BenchmarkCase benchmarkCase;
    private readonly nn.Module generator;
    private readonly nn.Module discriminator;
    private readonly optim.Optimizer generatorOptimizer;
    private readonly optim.Optimizer discriminatorOptimizer;
    private readonly Tensor images;
    private readonly Tensor labels;
    private Tensor order;
    private long batch;

    /// <summary>Builds the case's networks and two Adam optimizers over <paramref name="images"/> (and their labels).</summary>
    public BareIteration(BenchmarkCase benchmarkCase, Tensor images, Tensor labels)
    {
        this.benchmarkCase = benchmarkCase;
        (generator, discriminator) = benchmarkCase.CreateNetworks();
        generator.train();
        discriminator.train();
        generatorOptimizer = optim.Adam(generator.parameters(), benchmarkCase.LearningRate, beta1: 0.5, beta2: 0.999);
        discriminatorOptimizer = optim.Adam(discriminator.parameters(), benchmarkCase.LearningRate, beta1: 0.5, beta2: 0.999);
        this.images = images;
        this.labels = labels;
        order = randperm(images.shape[0]);
    }

    /// <inheritdoc />
    public void Run()
    {
        using var scope = NewDisposeScope();
        long size = benchmarkCase.BatchSize;
        if (batch == images.shape[0] / size)
        {
            order.Dispose();
            order = randperm(images.shape[0]).DetachFromDisposeScope();
            batch = 0;
        }
        var index = order.narrow(0, batch++ * size, size);
        var real = images.index_select(0, index);
        Tensor? realLabels = null, fakeLabels = null;
        if (benchmarkCase.Classes is { } classes)
        {
            realLabels = labels.index_select(0, index);
            fakeLabels = randint(0, classes, [size]);
        }
        var fake = Generate(randn(size, BenchmarkCase.LatentSize), fakeLabels);

        discriminator.zero_grad();
        var outReal = Discriminate(real, realLabels);
        var outFake = Discriminate(fake.detach(), fakeLabels);
        var lossReal = binary_cross_entropy_with_logits(outReal, full_like(outReal, benchmarkCase.RealLabel));
        var lossFake = binary_cross_entropy_with_logits(outFake, zeros_like(outFake));
        var lossD = lossReal + lossFake;
        if (!float.IsFinite(lossD.item<float>())) throw new InvalidOperationException("Loss_D is not finite");
        lossD.backward();
        discriminatorOptimizer.step();

        generator.zero_grad();
        foreach (var p in discriminator.parameters()) p.requires_grad = false;
        var output = Discriminate(fake, fakeLabels);
        var lossG = binary_cross_entropy_with_logits(output, ones_like(output));
        if (!float.IsFinite(lossG.item<float>())) throw new InvalidOperationException("Loss_G is not finite");
        lossG.backward();
        generatorOptimizer.step();
        foreach (var p in discriminator.parameters()) p.requires_grad = true;
        _ = (lossReal.item<float>(), lossFake.item<float>(), lossG.item<float>(),
            outReal.sigmoid().mean().item<float>(), outFake.sigmoid().mean().item<float>(), output.sigmoid().mean().item<float>());
    }

    private Tensor Generate(Tensor z, Tensor? fakeLabels) => fakeLabels is null
        ? ((nn.Module<Tensor, Tensor>)generator).call(z)
        : ((nn.Module<Tensor, Tensor, Tensor>)generator).call(z, fakeLabels);

    private Tensor Discriminate(Tensor x, Tensor? y) => y is null
        ? ((nn.Module<Tensor, Tensor>)discriminator).call(x)
        : ((nn.Module<Tensor, Tensor, Tensor>)discriminator).call(x, y);

    /// <inheritdoc />
    public void Dispose()
    {
        generatorOptimizer.Dispose();
        discriminatorOptimizer.Dispose();
        order.Dispose();
        generator.Dispose();
        discriminator.Dispose();
    }
}
