using System.Runtime.Intrinsics.X86;
using GanNotebooks.Models;
using GanNotebooks.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

public sealed class FusedAdamTests
{
    [Fact]
    public void The_kernel_is_in_use_on_a_processor_with_AVX2_and_a_libtorch_with_MKL()
    {
        Assert.True(LibTorchSqrt.IsAvailable, "libtorch_cpu exports vmsSqrt");
        Assert.True(AdamKernel.IsSupported == (Avx2.IsSupported && Fma.IsSupported));
        if (AdamKernel.IsSupported) Assert.Equal([], FusedAdamCheck.Mismatches() ?? [-1]);
        Assert.Equal(Avx2.IsSupported && Fma.IsSupported, FusedAdam.KernelInUse);
    }

    [Fact]
    public void Its_square_root_gives_the_bits_of_torch_sqrt()
    {
        using var values = rand(300_007, generator: new Generator(5)) * 0.01;
        using var expected = values.sqrt();
        var roots = new float[values.numel()];
        LibTorchSqrt.Compute(values.data<float>().ToArray(), roots);
        var torchRoots = expected.data<float>().ToArray();
        Assert.Equal(torchRoots.Length, roots.Length);
        int differing = Enumerable.Range(0, roots.Length).Count(i => BitConverter.SingleToInt32Bits(roots[i]) != BitConverter.SingleToInt32Bits(torchRoots[i]));
        Assert.Equal(0, differing);
        // and torch.sqrt is not the correctly rounded root, so a plain MathF.Sqrt would not do
        var values32 = values.data<float>().ToArray();
        Assert.Contains(Enumerable.Range(0, 1000), i => MathF.Sqrt(values32[i]) != torchRoots[i]);
    }

    public static TheoryData<string, double, double> Networks => new()
    {
        { "mlp", 0.5, 0.999 },
        { "dcgan", 0.5, 0.999 },
        { "mlp", 0.9, 0.99 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Steps_give_the_same_bits_as_TorchSharps_Adam(string network, double beta1, double beta2)
    {
        var (reference, fused) = TwinParameters(network);
        using var torchSharpAdam = optim.Adam(reference, 2e-3, beta1: beta1, beta2: beta2);
        using var fusedAdam = new FusedAdam(fused, 2e-3, beta1, beta2);
        var random = new Generator(11);
        for (int step = 1; step <= 12; step++)
        {
            if (step == 6)   // a falling learning rate changes the groups' rate between steps
                foreach (var optimizer in new optim.Optimizer[] { torchSharpAdam, fusedAdam })
                    foreach (var group in optimizer.ParamGroups) group.LearningRate = 7e-4;
            SetGradients(reference, fused, random, step % 4 == 0 ? 1e-7 : 0.03);
            using (no_grad()) { torchSharpAdam.step(); fusedAdam.step(); }
        }
        AssertBitwiseEqual(reference, fused);
    }

    [Fact]
    public void A_parameter_without_a_gradient_is_left_alone_and_its_step_count_does_not_advance()
    {
        var (reference, fused) = TwinParameters("mlp");
        using var torchSharpAdam = optim.Adam(reference, 1e-3, beta1: 0.5, beta2: 0.999);
        using var fusedAdam = new FusedAdam(fused, 1e-3, 0.5, 0.999);
        var random = new Generator(2);
        for (int step = 1; step <= 5; step++)
        {
            SetGradients(reference, fused, random, 0.02);
            if (step == 3) { reference[0].grad = null; fused[0].grad = null; }
            using (no_grad()) { torchSharpAdam.step(); fusedAdam.step(); }
        }
        AssertBitwiseEqual(reference, fused);
    }

    [Fact]
    public void Double_precision_parameters_take_the_one_kernel_at_a_time_path_with_the_same_result()
    {
        var reference = new[] { new Parameter(randn(1_000, ScalarType.Float64, generator: new Generator(3))) };
        var fused = new[] { new Parameter(reference[0].detach().clone()) };
        using var torchSharpAdam = optim.Adam(reference, 1e-3, beta1: 0.5, beta2: 0.999);
        using var fusedAdam = new FusedAdam(fused, 1e-3, 0.5, 0.999);
        var random = new Generator(4);
        for (int step = 1; step <= 5; step++)
        {
            var gradient = randn(1_000, ScalarType.Float64, generator: random) * 0.01;
            reference[0].grad = gradient;
            fused[0].grad = gradient.clone();
            using (no_grad()) { torchSharpAdam.step(); fusedAdam.step(); }
        }
        AssertBitwiseEqual(reference, fused);
    }

    [Fact]
    public void Its_saved_state_resumes_the_same_run()
    {
        var (straight, resumed) = TwinParameters("dcgan");
        using var uninterrupted = new FusedAdam(straight, 1e-3, 0.5, 0.999);
        var first = new FusedAdam(resumed, 1e-3, 0.5, 0.999);
        var random = new Generator(8);
        for (int step = 1; step <= 4; step++)
        {
            SetGradients(straight, resumed, random, 0.02);
            using (no_grad()) { uninterrupted.step(); first.step(); }
        }
        var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) first.save_state_dict(writer);
        first.Dispose();
        using var second = new FusedAdam(resumed, 1e-3, 0.5, 0.999);
        saved.Position = 0;
        using (var reader = new BinaryReader(saved)) second.load_state_dict(reader);
        for (int step = 5; step <= 8; step++)
        {
            SetGradients(straight, resumed, random, 0.02);
            using (no_grad()) { uninterrupted.step(); second.step(); }
        }
        AssertBitwiseEqual(straight, resumed);
    }

    [Fact]
    public void The_optimizer_factory_makes_it_for_Adam()
    {
        var parameters = new[] { new Parameter(zeros(4)) };
        using var optimizer = OptimizerFactory.Create(new OptimizerSettings { LearningRate = 1e-3, Beta1 = 0.5 }, parameters);
        Assert.IsType<FusedAdam>(optimizer);
    }

    /// <summary>Two copies of the parameters of a network (the MLP GAN's or the DCGAN's generator and discriminator).</summary>
    private static (Parameter[] Reference, Parameter[] Fused) TwinParameters(string network)
    {
        manual_seed(1);
        nn.Module[] modules = network == "mlp"
            ? [new MlpGenerator(new MlpGanConfig()), new MlpDiscriminator(new MlpGanConfig())]
            : [new DcganGenerator(new DcganConfig { GeneratorFeatures = 32, DiscriminatorFeatures = 32 }), new DcganDiscriminator(new DcganConfig { GeneratorFeatures = 32, DiscriminatorFeatures = 32 })];
        var reference = modules.SelectMany(m => m.parameters()).Select(p => new Parameter(p.detach().clone())).ToArray();
        var fused = reference.Select(p => new Parameter(p.detach().clone())).ToArray();
        foreach (var m in modules) m.Dispose();
        return (reference, fused);
    }

    private static void SetGradients(Parameter[] reference, Parameter[] fused, Generator random, double scale)
    {
        for (int i = 0; i < reference.Length; i++)
        {
            var gradient = randn(reference[i].shape, generator: random) * scale;
            reference[i].grad = gradient;
            fused[i].grad = gradient.clone();
        }
    }

    private static void AssertBitwiseEqual(Parameter[] reference, Parameter[] fused)
    {
        for (int i = 0; i < reference.Length; i++)
        {
            long differing = reference[i].detach().ne(fused[i].detach()).sum().item<long>();
            Assert.True(differing == 0, $"parameter {i} ({string.Join('×', reference[i].shape)}): {differing} elements differ");
        }
    }
}
