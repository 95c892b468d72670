using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Metrics;

/// <summary>
/// Trains a <see cref="ClassifierNetwork"/> with cross-entropy and Adam, deterministically from
/// <see cref="ClassifierOptions.Seed"/>: the weights are initialised and the batches ordered from that seed, and
/// TorchSharp's global random state is left as it was. Introduced in notebook 07-evaluating-gans.
/// </summary>
public static class ClassifierTrainer
{
    /// <summary>
    /// Trains a fresh network on <paramref name="images"/> [N, 1, 28, 28] in [-1, 1] with class
    /// <paramref name="labels"/> [N] (int64), reporting every step to <paramref name="progress"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not match, or the options are out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ClassifierNetwork Train(Tensor images, Tensor labels, int classes, ClassifierOptions? options = null,
        IProgress<ClassifierProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var o = (options ?? new ClassifierOptions()).Validate();
        if (images.dim() != 4 || images.shape[1] != 1 || images.shape[2] != 28 || images.shape[3] != 28)
            throw new ArgumentException($"expected images [N, 1, 28, 28], got [{string.Join(", ", images.shape)}].", nameof(images));
        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException($"expected {images.shape[0]} labels [N], got [{string.Join(", ", labels.shape)}].", nameof(labels));

        var count = (int)Math.Min(images.shape[0], o.TrainLimit ?? long.MaxValue);
        var network = GlobalRandomState.Isolated(o.Seed, () => new ClassifierNetwork(classes));
        var optimizer = torch.optim.Adam(network.parameters(), o.LearningRate);
        var order = new Random(unchecked((int)o.Seed));
        var indices = Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        var steps = (count + o.BatchSize - 1) / o.BatchSize;
        var learningRate = o.LearningRate;
        network.train();
        for (int epoch = 1; epoch <= o.Epochs; epoch++)
        {
            foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
            order.Shuffle(indices);
            for (int step = 0; step < steps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var loss = TrainStep(network, optimizer, images, labels, indices.AsSpan(step * o.BatchSize, Math.Min(o.BatchSize, count - step * o.BatchSize)));
                progress?.Report(new ClassifierProgress(epoch, o.Epochs, step + 1, steps, loss));
            }
            learningRate *= o.LearningRateDecay;
        }
        network.eval();
        return network;
    }

    /// <summary>Share of <paramref name="images"/> whose most likely class under <paramref name="network"/> is their label.</summary>
    public static double Accuracy(ClassifierNetwork network, Tensor images, Tensor labels, int batchSize = 1000)
    {
        if (labels.shape[0] != images.shape[0])
            throw new ArgumentException($"{images.shape[0]} images but {labels.shape[0]} labels.", nameof(labels));
        if (images.shape[0] == 0) throw new ArgumentException("no images to measure accuracy on.", nameof(images));
        network.eval();
        long correct = 0;
        using var noGrad = no_grad();
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, images.shape[0] - start);
            var predicted = network.forward(images.narrow(0, start, length)).argmax(1);
            correct += predicted.eq(labels.narrow(0, start, length)).sum().item<long>();
        }
        return correct / (double)images.shape[0];
    }

    private static double TrainStep(ClassifierNetwork network, torch.optim.Optimizer optimizer, Tensor images, Tensor labels, ReadOnlySpan<long> batch)
    {
        using var scope = NewDisposeScope();
        var index = tensor(batch.ToArray());
        optimizer.zero_grad();
        var loss = functional.cross_entropy(network.forward(images.index_select(0, index)), labels.index_select(0, index));
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
