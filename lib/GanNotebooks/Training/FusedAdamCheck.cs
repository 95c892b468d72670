using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Training;

/// <summary>
/// The once-per-process check behind <see cref="FusedAdam.KernelInUse"/>: a few Adam steps on random parameters
/// whose lengths cover vector tails, single elements and the split across threads, once through TorchSharp's
/// Adam and once through <see cref="AdamKernel"/>, with a learning-rate change on the way; the kernel is used only
/// if every bit agrees. Draws from its own random generator, so the global one (and every seeded run) is untouched.
/// Introduced with <see cref="FusedAdam"/> in notebook 02-vanilla-gan.
/// </summary>
internal static class FusedAdamCheck
{
    private static readonly long[] Lengths = [1, 7, 8, 100, 1_030, 40_000, 70_001];

    /// <summary>True when the kernel can run here and reproduces TorchSharp's Adam exactly.</summary>
    public static bool MatchesTorchSharp() => Mismatches() is { Count: 0 };

    /// <summary>The lengths whose parameters came out different (empty when all agree), or null when the kernel cannot run here.</summary>
    internal static IReadOnlyList<long>? Mismatches()
    {
        if (!AdamKernel.IsSupported) return null;
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var random = new Generator(20_241_203);
            var reference = Lengths.Select(n => new TorchSharp.Modules.Parameter(randn(n, generator: random))).ToArray();
            var fused = reference.Select(p => new TorchSharp.Modules.Parameter(p.detach().clone())).ToArray();
            using var torchSharpAdam = optim.Adam(reference, 1e-3, beta1: 0.5, beta2: 0.999);
            using var kernelAdam = new FusedAdam(fused, 1e-3, 0.5, 0.999, checkedKernel: true);
            for (int step = 1; step <= 4; step++)
            {
                if (step == 3)
                {
                    foreach (var g in torchSharpAdam.ParamGroups) g.LearningRate = 3e-4;
                    foreach (var g in kernelAdam.ParamGroups) g.LearningRate = 3e-4;
                }
                for (int i = 0; i < reference.Length; i++)
                {
                    var gradient = randn(Lengths[i], generator: random) * (step == 2 ? 1e-6 : 0.05);
                    reference[i].grad = gradient;
                    fused[i].grad = gradient.clone();
                }
                torchSharpAdam.step();
                kernelAdam.step();
            }
            return Lengths.Where((_, i) => !reference[i].eq(fused[i]).all().item<bool>()).ToList();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
