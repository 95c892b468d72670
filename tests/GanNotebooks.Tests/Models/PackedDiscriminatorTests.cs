using GanNotebooks.Models;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class PackedDiscriminatorTests
{
    private static readonly DcganConfig StackedConfig = new() { Channels = 3, ImageSize = 28, GeneratorFeatures = 16, DiscriminatorFeatures = 8 };

    [Fact]
    public void Pack_concatenates_m_consecutive_samples_along_the_channels()
    {
        using var d = PackedDiscriminator.Dcgan(StackedConfig, packing: 3);
        using var images = arange(6 * 3 * 28 * 28, ScalarType.Float32).view(6, 3, 28, 28);

        using var packed = d.Pack(images);

        Assert.Equal(new long[] { 2, 9, 28, 28 }, packed.shape);
        for (var pack = 0; pack < 2; pack++)
            for (var j = 0; j < 3; j++)
                Assert.True(packed[pack].narrow(0, 3 * j, 3).eq(images[3 * pack + j]).all().item<bool>(), $"pack {pack}, sample {j}");
    }

    [Fact]
    public void The_inner_dcgan_discriminator_takes_m_times_the_image_channels()
    {
        using var d = PackedDiscriminator.Dcgan(StackedConfig, packing: 4);

        var firstWeights = d.Inner.parameters().First();

        Assert.Equal((4, 3), (d.Packing, d.ImageChannels));
        Assert.Equal(new long[] { 8, 12, 4, 4 }, firstWeights.shape);
    }

    [Fact]
    public void Each_sample_gets_its_packs_logit_and_only_its_pack_sees_it()
    {
        using var d = PackedDiscriminator.Dcgan(StackedConfig, packing: 4);
        d.eval();
        using var images = rand(8, 3, 28, 28, generator: new Generator(1)).mul(2).sub(1);
        using var changed = images.clone();
        changed[1].fill_(-1);

        using var logits = d.forward(images);
        using var packLogits = d.PackLogits(images);
        using var changedLogits = d.forward(changed);

        Assert.Equal(new long[] { 8 }, logits.shape);
        Assert.Equal(new long[] { 2 }, packLogits.shape);
        var values = logits.data<float>().ToArray();
        var packs = packLogits.data<float>().ToArray();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => packs[i / 4]), values);
        Assert.NotEqual(packs[0], packs[1]);
        var after = changedLogits.data<float>().ToArray();
        Assert.All(Enumerable.Range(0, 4), i => Assert.NotEqual(values[i], after[i]));
        Assert.All(Enumerable.Range(4, 4), i => Assert.Equal(values[i], after[i]));
    }

    [Fact]
    public void The_loss_over_repeated_logits_equals_the_loss_over_packs_gradients_included()
    {
        using var d = PackedDiscriminator.Dcgan(StackedConfig, packing: 2);
        using var real = rand(6, 3, 28, 28, generator: new Generator(2)).mul(2).sub(1);
        using var fake = rand(6, 3, 28, 28, generator: new Generator(3)).mul(2).sub(1);

        var (perSampleReal, perSampleFake) = GanLosses.Discriminator(d.forward(real), d.forward(fake));
        (perSampleReal + perSampleFake).backward();
        var perSampleGradients = d.parameters().Select(p => p.grad!.clone()).ToList();
        d.zero_grad();
        var (perPackReal, perPackFake) = GanLosses.Discriminator(d.PackLogits(real), d.PackLogits(fake));
        (perPackReal + perPackFake).backward();

        Assert.Equal(perPackReal.item<float>(), perSampleReal.item<float>(), 5);
        Assert.Equal(perPackFake.item<float>(), perSampleFake.item<float>(), 5);
        foreach (var (p, g) in d.parameters().Zip(perSampleGradients))
            Assert.True(p.grad!.allclose(g, rtol: 1e-4, atol: 1e-6));
    }

    [Fact]
    public void A_batch_that_is_not_a_multiple_of_m_is_refused_naming_the_setting()
    {
        using var d = PackedDiscriminator.Dcgan(StackedConfig, packing: 4);
        using var images = zeros(10, 3, 28, 28);
        using var grey = zeros(8, 1, 28, 28);

        var error = Assert.Throws<ArgumentException>(() => d.forward(images));
        var channels = Assert.Throws<ArgumentException>(() => d.forward(grey));
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => PackedDiscriminator.Dcgan(StackedConfig, packing: 0));

        Assert.Contains("a batch of 10 samples cannot be cut into packs of PackedDiscriminator packing = 4", error.Message);
        Assert.Contains("a multiple of 4", error.Message);
        Assert.Contains("expected images [B, 3, …], got shape [8, 1, 28, 28]", channels.Message);
        Assert.Contains("packing", zero.Message);
    }

    [Fact]
    public void The_trainer_trains_a_packed_discriminator_unchanged()
    {
        using var threads = new OneTorchThread();
        using var g = new DcganGenerator(StackedConfig with { LatentSize = 8 });
        using var d = PackedDiscriminator.Dcgan(StackedConfig, packing: 2);
        using var trainer = new GanTrainer(g, d, new GanTrainerOptions { LatentSize = 8, FixedNoiseCount = 4 });
        using var real = rand(8, 3, 28, 28, generator: new Generator(4)).mul(2).sub(1);
        var before = d.Inner.parameters().First().clone();

        var first = trainer.TrainStep(real);
        var second = trainer.TrainStep(real);
        using var odd = real.narrow(0, 0, 7);
        var error = Assert.Throws<ArgumentException>(() => trainer.TrainStep(odd));

        Assert.True(float.IsFinite(first.DiscriminatorLoss) && float.IsFinite(first.DOfX) && float.IsFinite(second.GeneratorLoss));
        Assert.False(before.allclose(d.Inner.parameters().First()), "the inner discriminator's weights moved");
        Assert.Contains("PackedDiscriminator packing = 2", error.Message);
        Assert.Equal(new long[] { 4, 3, 28, 28 }, trainer.SampleFixed().shape);
    }

    [Fact]
    public void Wgan_gp_with_a_packed_discriminator_is_refused_with_the_reason()
    {
        using var g = new DcganGenerator(StackedConfig);
        using var d = PackedDiscriminator.Dcgan(StackedConfig with { DiscriminatorNormalization = DiscriminatorNormalization.LayerNorm }, packing: 2);

        var error = Assert.Throws<ArgumentException>(() =>
            new GanTrainer(g, d, new GanTrainerOptions { Objective = GanObjective.WassersteinGradientPenalty }));

        Assert.Contains("GanTrainerOptions.Objective = WassersteinGradientPenalty", error.Message);
        Assert.Contains("PackedDiscriminator", error.Message);
    }
}
