using GanNotebooks.Family;
using GanNotebooks.Models;
using GanNotebooks.Tests.Fixtures;
using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Family;

public sealed class AcGanTests
{
    private static readonly MlpGanConfig Tiny = new() { LatentSize = 8, ImageSize = 4, GeneratorHidden = [32], DiscriminatorHidden = [32] };

    [Fact]
    public void The_discriminators_give_a_source_logit_and_class_logits()
    {
        manual_seed(1);
        using var mlp = AcGanDiscriminator.Mlp(10, new MlpGanConfig { DiscriminatorHidden = [32, 16] });
        using var conv = AcGanDiscriminator.Dcgan(10, new DcganConfig { DiscriminatorFeatures = 8 });
        using var images = rand(3, 1, 28, 28);
        foreach (var d in new[] { mlp, conv })
        {
            var heads = d.Heads(images);
            Assert.Equal(new long[] { 3 }, heads.SourceLogits.shape);
            Assert.Equal(new long[] { 3, 10 }, heads.ClassLogits.shape);
            d.eval();
            Assert.True(d.forward(images).allclose(d.Heads(images).SourceLogits));
        }
    }

    [Fact]
    public void The_losses_add_source_and_class_terms_on_fixed_logits()
    {
        // Source logits 0 → ln 2 for each source term. Class logits uniform over 4 → ln 4; logits (0, ln 3, 0, 0)
        // give class 1 probability 3/6 = ½ → ln 2.
        float ln3 = (float)Math.Log(3);
        var real = new AcGanHeads(zeros(2), tensor(new float[] { 0, ln3, 0, 0, 0, ln3, 0, 0 }).view(2, 4));
        var fake = new AcGanHeads(zeros(2), zeros(2, 4));
        using var labels = tensor(new long[] { 1, 1 });
        var (sourceReal, sourceFake, classReal, classFake) = AcGanLosses.Discriminator(real, labels, fake, labels);
        Assert.Equal(Math.Log(2), sourceReal.item<float>(), 5);
        Assert.Equal(Math.Log(2), sourceFake.item<float>(), 5);
        Assert.Equal(Math.Log(2), classReal.item<float>(), 5);
        Assert.Equal(Math.Log(4), classFake.item<float>(), 5);

        // G: source logit ln 3 → D(G(z)) = ¾ → −log ¾.
        var fooled = new AcGanHeads(full(2, ln3), zeros(2, 4));
        var (source, classLoss) = AcGanLosses.Generator(fooled, labels);
        Assert.Equal(-Math.Log(0.75), source.item<float>(), 5);
        Assert.Equal(Math.Log(4), classLoss.item<float>(), 5);
    }

    [Fact]
    public void Networks_that_do_not_fit_are_refused()
    {
        using var generator = ConditionalGenerator.Mlp(3, Tiny, 4);
        using var discriminator = AcGanDiscriminator.Mlp(2, Tiny);
        Assert.Contains("3 classes", Assert.Throws<ArgumentException>(() => new AcGanTrainer(generator, discriminator, new AcGanTrainerOptions { LatentSize = 8 })).Message);
        using var right = AcGanDiscriminator.Mlp(3, Tiny);
        Assert.Contains("LatentSize", Assert.Throws<ArgumentException>(() => new AcGanTrainer(generator, right)).Message);
        Assert.Contains("ClassWeight", Assert.Throws<ArgumentException>(() => new AcGanTrainerOptions { ClassWeight = double.NaN }.Validate()).Message);
    }

    /// <summary>
    /// Class 0 has a bright left half, class 1 a bright right half. After a few hundred steps the class head must sort
    /// new real images, and G must draw each class so that the head recognises it.
    /// </summary>
    [Fact]
    public void The_class_head_separates_two_classes_and_the_generator_follows_its_labels()
    {
        using var oneThread = new OneTorchThread();
        manual_seed(2);
        var (images, labels) = TwoClasses(512, 3);
        var adam = new OptimizerSettings { LearningRate = 1e-3 };
        using var trainer = new AcGanTrainer(ConditionalGenerator.Mlp(2, Tiny, 4), AcGanDiscriminator.Mlp(2, Tiny),
            new AcGanTrainerOptions { LatentSize = 8, Seed = 2, FixedNoiseCount = 6, GeneratorOptimizer = adam, DiscriminatorOptimizer = adam });
        for (int step = 0; step < 200; step++)
        {
            int at = step * 64 % 512;
            trainer.TrainStep(images.narrow(0, at, 64), labels.narrow(0, at, 64));
        }

        var (heldOut, heldOutLabels) = TwoClasses(200, 4);
        using var named = trainer.Classify(heldOut);
        double realAccuracy = named.eq(heldOutLabels).to_type(ScalarType.Float32).mean().item<float>();
        Assert.True(realAccuracy > 0.95, $"the class head labels {realAccuracy:P0} of new real images correctly");

        using var asked = arange(200, ScalarType.Int64).remainder(2);
        using var generated = trainer.Sample(asked);
        var leftBrighter = generated.narrow(3, 0, 2).mean([1, 2, 3]) > generated.narrow(3, 2, 2).mean([1, 2, 3]);
        double followed = leftBrighter.eq(asked.eq(0)).to_type(ScalarType.Float32).mean().item<float>();
        Assert.True(followed > 0.9, $"G drew the asked-for half bright in {followed:P0} of its images");
        Assert.Equal(new long[] { 6, 1, 4, 4 }, trainer.SampleFixed().shape);
    }

    private static (Tensor Images, Tensor Labels) TwoClasses(int count, long seed)
    {
        var labels = arange(count, ScalarType.Int64).remainder(2);
        var left = full(1, 1, 4, 4, -0.7f);
        left[0, 0, TensorIndex.Colon, TensorIndex.Slice(0, 2)] = tensor(0.7f);
        var patterns = cat([left, left.flip(3)], 0);
        var images = patterns.index_select(0, labels) + 0.1f * randn(count, 1, 4, 4, generator: new Generator((ulong)seed));
        return (images, labels);
    }
}
