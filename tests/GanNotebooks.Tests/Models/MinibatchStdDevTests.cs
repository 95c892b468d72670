using GanNotebooks.Models;
using GanNotebooks.Toy;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class MinibatchStdDevTests
{
    [Fact]
    public void Identical_inputs_give_zero_up_to_epsilon_and_varied_inputs_their_mean_standard_deviation()
    {
        using var layer = new MinibatchStdDev();
        using var same = ones(5, 3) * 0.7f;
        using var sameOut = layer.forward(same);
        Assert.Equal(new long[] { 5, 4 }, sameOut.shape);
        Assert.True(sameOut.narrow(1, 0, 3).allclose(same, rtol: 0, atol: 0), "the inputs pass through unchanged");
        Assert.All(sameOut.select(1, 3).data<float>().ToArray(), v => Assert.Equal(Math.Sqrt(MinibatchStdDev.Epsilon), v, 8));

        // Feature 1: values 0 and 2 (std 1); feature 2: 1 and 1 (std 0). Mean over the features: 0.5.
        using var varied = tensor(new float[] { 0, 1, 2, 1 }).view(2, 2);
        using var variedOut = layer.forward(varied);
        Assert.All(variedOut.select(1, 2).data<float>().ToArray(), v => Assert.Equal((1 + Math.Sqrt(MinibatchStdDev.Epsilon)) / 2, v, 6));
    }

    [Fact]
    public void Feature_maps_get_one_constant_extra_map()
    {
        using var layer = new MinibatchStdDev();
        using var maps = randn(4, 3, 5, 5, generator: new Generator(1));
        using var result = layer.forward(maps);
        Assert.Equal(new long[] { 4, 4, 5, 5 }, result.shape);
        using var extra = result.select(1, 3);
        float expected = (maps.var(0, unbiased: false) + MinibatchStdDev.Epsilon).sqrt().mean().item<float>();
        Assert.True(expected > 0.5);
        Assert.True(extra.allclose(full_like(extra, expected), rtol: 1e-6, atol: 0));
    }

    [Fact]
    public void Gradients_stay_finite_for_a_batch_of_identical_inputs()
    {
        using var layer = new MinibatchStdDev();
        using var x = zeros(3, 2).requires_grad_(true);
        using var y = layer.forward(x).sum();
        y.backward();
        using var grad = x.grad!;
        Assert.True(grad.isfinite().all().item<bool>());
    }

    [Fact]
    public void The_option_adds_one_input_to_the_output_layer_and_lets_D_see_the_batch()
    {
        manual_seed(2);
        var mlpConfig = new MlpGanConfig { ImageSize = 4, DiscriminatorHidden = [8], DiscriminatorMinibatchStdDev = true };
        using var mlp = new MlpDiscriminator(mlpConfig);
        using var plainMlp = new MlpDiscriminator(mlpConfig with { DiscriminatorMinibatchStdDev = false });
        Assert.Equal(plainMlp.parameters().Sum(p => p.numel()) + 1, mlp.parameters().Sum(p => p.numel()));
        using var dcgan = new DcganDiscriminator(new DcganConfig { DiscriminatorFeatures = 4, DiscriminatorMinibatchStdDev = true });
        using var plainDcgan = new DcganDiscriminator(new DcganConfig { DiscriminatorFeatures = 4 });
        Assert.Equal(plainDcgan.parameters().Sum(p => p.numel()) + 7 * 7, dcgan.parameters().Sum(p => p.numel()));
        using var toy = new Toy2DDiscriminator(new Toy2DGanConfig { DiscriminatorMinibatchStdDev = true });
        Assert.Equal(17_025 + 1, toy.parameters().Sum(p => p.numel()));

        // The same point is judged differently in a varied batch than in a batch of copies of itself.
        using var point = tensor(new float[] { 1, 0 }).view(1, 2);
        using var copies = point.expand(8, 2).contiguous();
        using var varied = cat([point, randn(7, 2, generator: new Generator(3)) * 2], 0);
        using var inCopies = toy.forward(copies);
        using var inVaried = toy.forward(varied);
        Assert.NotEqual(inCopies[0].item<float>(), inVaried[0].item<float>());
        using var features = toy.Features(varied);
        using var viaHead = toy.Classify(features);
        Assert.True(viaHead.allclose(inVaried, rtol: 0, atol: 0));
    }

    [Fact]
    public void The_conditional_mlp_discriminator_rejects_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConditionalMlpDiscriminator(10, new MlpGanConfig { DiscriminatorMinibatchStdDev = true }));
        Assert.Contains("DiscriminatorMinibatchStdDev", error.Message);
    }
}
