using GanNotebooks.Models;
using TorchSharp;

namespace GanNotebooks.Benchmarks;

/// <summary>
/// One training configuration the benchmark times: the networks and settings of a notebook's default run (MLP GAN of
/// notebook 02-vanilla-gan at two batch sizes, DCGAN of 04-dcgan, conditional DCGAN of 05-conditional-gan).
/// reference/gan_step.py builds the same networks under the same names.
/// </summary>
/// <param name="Name">Short name, as on the command line and in gan_step.py.</param>
/// <param name="Description">What the case trains, for the results table.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Adam's rate for both networks (β1 0.5).</param>
/// <param name="RealLabel">D's target for real images (0.9: one-sided label smoothing).</param>
/// <param name="Classes">Classes of a conditional pair; null for an unconditional one.</param>
/// <param name="CreateNetworks">Builds a fresh generator and discriminator.</param>
public sealed record BenchmarkCase(string Name, string Description, int BatchSize, double LearningRate, double RealLabel, int? Classes,
    Func<(torch.nn.Module Generator, torch.nn.Module Discriminator)> CreateNetworks)
{
    /// <summary>Length of the noise vector in every case.</summary>
    public const int LatentSize = 100;

    /// <summary>The convolutional networks of notebooks 04 and 05: 32 feature maps, the layers that are matrix products computed as such (the default).</summary>
    private static readonly DcganConfig Convolutional = new() { GeneratorFeatures = 32, DiscriminatorFeatures = 32 };

    /// <summary>Every case, in the order of the results table.</summary>
    public static IReadOnlyList<BenchmarkCase> All { get; } =
    [
        new("mlp-b32", "MLP GAN (notebook 02), batch 32", 32, 2e-4, 1.0, null, () => (new MlpGenerator(), new MlpDiscriminator())),
        new("mlp-b128", "MLP GAN (notebook 02), batch 128", 128, 2e-4, 1.0, null, () => (new MlpGenerator(), new MlpDiscriminator())),
        new("dcgan-b64", "DCGAN 28×28, 32 maps (notebook 04), batch 64", 64, 1e-3, 0.9, null,
            () => (new DcganGenerator(Convolutional), new DcganDiscriminator(Convolutional))),
        new("cgan-b64", "conditional DCGAN, 32 maps (notebook 05), batch 64", 64, 2e-4, 0.9, 10,
            () => (ConditionalGenerator.Dcgan(10, Convolutional), new ConditionalDcganDiscriminator(10, Convolutional))),
    ];

    /// <summary>The cases named in a comma-separated list (all when <paramref name="names"/> is null).</summary>
    public static IReadOnlyList<BenchmarkCase> Parse(string? names)
    {
        if (names is null) return All;
        return names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => All.FirstOrDefault(c => c.Name == n)
                ?? throw new ArgumentException($"unknown case '{n}': choose from {string.Join(", ", All.Select(c => c.Name))}."))
            .ToList();
    }
}
