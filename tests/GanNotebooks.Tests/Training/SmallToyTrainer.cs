using GanNotebooks.Toy;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

/// <summary>A toy GAN on 2-D points small enough for step-by-step checks, and snapshots of its weights.</summary>
internal static class SmallToyTrainer
{
    private static readonly Toy2DGanConfig Config = new() { GeneratorHidden = [16, 16], DiscriminatorHidden = [16, 16] };

    /// <summary>A trainer whose networks and noise start from <paramref name="seed"/>, recording gradient norms.</summary>
    public static GanTrainer Create(GanTrainerOptions options, int seed)
    {
        Seeds.Set(seed);
        return new GanTrainer(new Toy2DGenerator(Config), new Toy2DDiscriminator(Config), options with { LatentSize = 2, Seed = seed, RecordGradientNorms = true });
    }

    /// <summary>Copies of <paramref name="module"/>'s parameters as they are now.</summary>
    public static List<Tensor> Copy(nn.Module module) => module.parameters().Select(p => p.detach().clone()).ToList();

    /// <summary>The largest change of any weight of <paramref name="module"/> since <paramref name="before"/> was copied.</summary>
    public static double LargestChange(List<Tensor> before, nn.Module module) =>
        before.Zip(module.parameters(), (a, b) => (double)(a - b).abs().max().item<float>()).Max();
}
