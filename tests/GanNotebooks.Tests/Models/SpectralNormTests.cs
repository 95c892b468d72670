using GanNotebooks.Checkpoints;
using GanNotebooks.Models;
using GanNotebooks.Tests.Data;
using GanNotebooks.Toy;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class SpectralNormTests
{
    private static double LargestSingularValue(Tensor matrix)
    {
        using var values = linalg.svdvals(matrix);
        return values.max().item<float>();
    }

    [Fact]
    public void The_power_iteration_finds_the_largest_singular_value_and_the_layer_applies_a_weight_of_spectral_norm_one()
    {
        manual_seed(1);
        using var layer = new SpectralNormLinear(20, 12);
        using (no_grad()) layer.Weight.mul_(3);
        using var x = randn(4, 20);
        for (int i = 0; i < 50; i++) layer.forward(x).Dispose();   // one power-iteration step per training forward
        double exact = LargestSingularValue(layer.Weight.detach());
        Assert.Equal(exact, layer.SigmaEstimate(), exact * 0.01);
        using var effective = layer.EffectiveWeight();
        Assert.Equal(1.0, LargestSingularValue(effective), 0.01);

        // The forward pass is x (W/σ)ᵀ + b.
        layer.eval();
        using var y = layer.forward(x);
        using var expected = x.matmul(effective.t()) + layer.Bias!;
        Assert.True(y.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void The_convolution_normalises_its_kernel_read_as_a_matrix()
    {
        manual_seed(2);
        using var conv = new SpectralNormConv2d(3, 8, 4, stride: 2, padding: 1);
        using var x = randn(2, 3, 8, 8);
        for (int i = 0; i < 50; i++) conv.forward(x).Dispose();
        using var matrix = conv.Weight.detach().view(8, -1);
        double exact = LargestSingularValue(matrix);
        Assert.Equal(exact, conv.SigmaEstimate(), exact * 0.01);
        conv.eval();
        using var y = conv.forward(x);
        Assert.Equal(new long[] { 2, 8, 4, 4 }, y.shape);
        using var expected = nn.functional.conv2d(x, conv.Weight / conv.SigmaEstimate(), conv.Bias, strides: [2, 2], padding: [1, 1]);
        Assert.True(y.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Eval_mode_leaves_u_alone_and_u_is_saved_with_the_weights()
    {
        manual_seed(3);
        using var layer = new SpectralNormLinear(5, 4);
        using var x = randn(3, 5);
        layer.forward(x).Dispose();
        using var before = layer.U.clone();
        layer.eval();
        layer.forward(x).Dispose();
        Assert.True(layer.U.allclose(before, rtol: 0, atol: 0));
        Assert.Contains(layer.state_dict(), pair => pair.Key == "u");
        Assert.Equal(new[] { "bias", "weight" }, layer.named_parameters().Select(p => p.name).Order());
    }

    [Fact]
    public void The_option_normalises_every_weighted_layer_of_each_discriminator_and_defaults_stay_plain()
    {
        using var mlp = new MlpDiscriminator(new MlpGanConfig { ImageSize = 4, DiscriminatorHidden = [8, 8], DiscriminatorSpectralNorm = true });
        using var dcgan = new DcganDiscriminator(new DcganConfig { DiscriminatorFeatures = 4, DiscriminatorSpectralNorm = true });
        using var toy = new Toy2DDiscriminator(new Toy2DGanConfig { DiscriminatorSpectralNorm = true });
        Assert.Equal(3, mlp.modules().Count(m => m is SpectralNormLinear));
        Assert.DoesNotContain(mlp.modules(), m => m is TorchSharp.Modules.Linear);
        Assert.Equal(3, dcgan.modules().Count(m => m is SpectralNormConv2d));
        Assert.DoesNotContain(dcgan.modules(), m => m is TorchSharp.Modules.Conv2d);
        Assert.Equal(3, toy.modules().Count(m => m is SpectralNormLinear));
        Assert.Contains(mlp.state_dict(), pair => pair.Key == "layers.linear1.u");
        using var plain = new MlpDiscriminator();
        Assert.DoesNotContain(plain.modules(), m => m is SpectralNormLinear);
        using var images = randn(2, 1, 28, 28);
        using var logits = dcgan.forward(images);
        Assert.Equal(new long[] { 2 }, logits.shape);
        Assert.Throws<ArgumentException>(() => new ConditionalMlpDiscriminator(10, new MlpGanConfig { DiscriminatorSpectralNorm = true }));
    }

    [Fact]
    public void A_checkpoint_resumes_the_power_iteration_exactly()
    {
        using var folder = new TempFolder();
        var config = new Toy2DGanConfig { GeneratorHidden = [16], DiscriminatorHidden = [16, 16], DiscriminatorSpectralNorm = true };
        var options = new GanTrainerOptions { LatentSize = 2, Seed = 4 };
        using var data = randn(64, 2, generator: new Generator(9));
        GanTrainer NewTrainer(long seed)
        {
            Seeds.Set(seed);
            return new GanTrainer(new Toy2DGenerator(config), new Toy2DDiscriminator(config), options);
        }
        using var original = NewTrainer(1);
        for (int i = 0; i < 6; i++) original.TrainStep(data);
        TrainingCheckpoint.Save(original, folder.File("sn.ganckpt"));
        for (int i = 0; i < 6; i++) original.TrainStep(data);

        using var resumed = NewTrainer(2);
        TrainingCheckpoint.Load(resumed, folder.File("sn.ganckpt"));
        for (int i = 0; i < 6; i++) resumed.TrainStep(data);
        Assert.Equal(original.History.Steps, resumed.History.Steps);
    }
}
