using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Toy;

/// <summary>
/// Experiments on the discriminator alone: train it against a fixed generator (to compare it with the analytic
/// D*), and measure how large the generator's gradient is under each generator loss. Introduced in notebook
/// 01-minimax-objective.
/// </summary>
public static class DiscriminatorProbe
{
    /// <summary>
    /// Trains <paramref name="discriminator"/> for <paramref name="steps"/> steps to tell samples of
    /// <paramref name="data"/> (label 1) from samples of <paramref name="generated"/> (label 0); returns the final
    /// discriminator loss (sum of both terms, mean of the last 50 steps).
    /// </summary>
    public static double Train(Toy1DDiscriminator discriminator, Func<int, Tensor> data, Func<int, Tensor> generated,
        int steps = 2000, int batchSize = 256, double learningRate = 1e-3)
    {
        if (steps <= 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "at least one step is needed");
        using var optimizer = OptimizerFactory.Create(new OptimizerSettings { LearningRate = learningRate, Beta1 = 0.9 }, discriminator.parameters());
        var recent = new Queue<double>();
        for (int s = 0; s < steps; s++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var (real, fake) = GanLosses.Discriminator(discriminator.forward(data(batchSize)), discriminator.forward(generated(batchSize)));
            var loss = real + fake;
            loss.backward();
            optimizer.step();
            recent.Enqueue(loss.item<float>());
            if (recent.Count > 50) recent.Dequeue();
        }
        return recent.Average();
    }

    /// <summary>
    /// The norm of the generator's gradient ‖∇θ L_G‖ on one batch of <paramref name="batchSize"/> noise vectors, for
    /// the given loss, and the mean D(G(z)) on that batch. Nothing is updated.
    /// </summary>
    public static (double GradientNorm, double MeanDOfG) GeneratorGradient(Toy1DGenerator generator, Toy1DDiscriminator discriminator,
        GeneratorLossKind kind, int batchSize = 512, long seed = 0)
    {
        using var scope = NewDisposeScope();
        generator.zero_grad();
        using var noise = new Generator((ulong)seed);
        var logits = discriminator.forward(generator.forward(randn(batchSize, generator.LatentSize, generator: noise)));
        GanLosses.Generator(logits, kind).backward();
        double squared = generator.parameters().Sum(p => p.grad is { } g ? g.pow(2).sum().item<float>() : 0.0);
        double meanD = logits.sigmoid().mean().item<float>();
        generator.zero_grad();
        discriminator.zero_grad();
        return (Math.Sqrt(squared), meanD);
    }
}
