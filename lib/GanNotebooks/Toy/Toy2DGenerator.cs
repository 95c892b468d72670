using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Toy;

/// <summary>
/// A small generator for 2-D points: noise [batch, latent] → [Linear → ReLU (→ BatchNorm)] per hidden layer →
/// Linear → points [batch, 2], unbounded. With the default <see cref="Toy2DGanConfig"/> it has 17,154 parameters.
/// With <see cref="Toy2DDiscriminator"/> a training step at batch 256 took about 2 ms on 2 CPU cores with
/// <c>torch.set_num_threads(1)</c> (2,000 steps in about 4 s, measured while other work shared the cores); with
/// 2 threads on the same busy cores it took 88 ms, because threads of such small matrix products mostly wait for
/// each other. Introduced in notebook 06-failure-modes.
/// </summary>
public sealed class Toy2DGenerator : Module<Tensor, Tensor>
{
    private readonly Sequential layers;
    private readonly Toy2DGanConfig config;

    /// <summary>Builds the generator for <paramref name="config"/> (defaults when null).</summary>
    public Toy2DGenerator(Toy2DGanConfig? config = null) : base(nameof(Toy2DGenerator))
    {
        this.config = (config ?? new Toy2DGanConfig()).Validate();
        layers = Sequential();
        long width = this.config.LatentSize;
        for (int i = 0; i < this.config.GeneratorHidden.Count; i++)
        {
            long next = this.config.GeneratorHidden[i];
            layers.append($"linear{i + 1}", Linear(width, next));
            layers.append($"relu{i + 1}", ReLU());
            if (this.config.GeneratorBatchNorm) layers.append($"norm{i + 1}", BatchNorm1d(next));
            width = next;
        }
        layers.append("output", Linear(width, 2));
        RegisterComponents();
    }

    /// <summary>The sizes this generator was built with.</summary>
    public Toy2DGanConfig Config => config;

    /// <summary>Maps noise [batch, latent] to points [batch, 2].</summary>
    public override Tensor forward(Tensor z) => layers.forward(z);
}
