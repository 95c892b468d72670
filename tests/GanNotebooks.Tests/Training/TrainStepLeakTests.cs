using GanNotebooks.Models;
using GanNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

/// <summary>
/// A training step leaves no tensor behind: the count of live native tensors is the same after 30 more steps as after
/// the warm-up, for each kind of pair the notebooks train (a leak of even one tensor a step grows resident memory
/// without bound over a long run).
/// </summary>
public sealed class TrainStepLeakTests
{
    private static readonly MlpGanConfig TinyMlp = new() { LatentSize = 8, ImageSize = 28, GeneratorHidden = [16], DiscriminatorHidden = [16] };
    private static readonly DcganConfig TinyConv = new() { LatentSize = 8, GeneratorFeatures = 4, DiscriminatorFeatures = 4 };

    private static long LiveTensors() => DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

    private static void AssertNoTensorLeft(GanTrainer trainer, Func<int, (Tensor Images, Tensor? Labels)> batch)
    {
        void Step(int i)
        {
            using var scope = NewDisposeScope();   // the test's own batch tensors
            var (images, labels) = batch(i);
            trainer.TrainStep(images, labels);
        }
        for (int i = 0; i < 5; i++) Step(i);
        long before = LiveTensors();
        for (int i = 5; i < 35; i++) Step(i);
        Assert.Equal(before, LiveTensors());
        Assert.Equal(35, trainer.Step);
    }

    private static Tensor Images(int i, int count = 8) => rand(count, 1, 28, 28, generator: new Generator((ulong)i)) * 2 - 1;

    [Fact]
    public void Mlp_pair_leaves_no_tensor()
    {
        Seeds.Set(1);
        using var trainer = new GanTrainer(new MlpGenerator(TinyMlp), new MlpDiscriminator(TinyMlp), new GanTrainerOptions { LatentSize = 8 });
        AssertNoTensorLeft(trainer, i => (Images(i), null));
    }

    [Fact]
    public void Dcgan_pair_with_label_smoothing_leaves_no_tensor()
    {
        Seeds.Set(2);
        using var trainer = new GanTrainer(new DcganGenerator(TinyConv), new DcganDiscriminator(TinyConv), new GanTrainerOptions { LatentSize = 8, RealLabel = 0.9 });
        AssertNoTensorLeft(trainer, i => (Images(i), null));
    }

    [Fact]
    public void Conditional_pair_leaves_no_tensor()
    {
        Seeds.Set(3);
        using var trainer = new GanTrainer(ConditionalGenerator.Dcgan(10, TinyConv), new ConditionalDcganDiscriminator(10, TinyConv), 10,
            new GanTrainerOptions { LatentSize = 8 });
        AssertNoTensorLeft(trainer, i => (Images(i), arange(8L).remainder(10)));
    }

    [Fact]
    public void Wgan_gp_pair_leaves_no_tensor()
    {
        Seeds.Set(4);
        using var trainer = new GanTrainer(new MlpGenerator(TinyMlp), new MlpDiscriminator(TinyMlp),
            new GanTrainerOptions { LatentSize = 8, Objective = GanObjective.WassersteinGradientPenalty });
        AssertNoTensorLeft(trainer, i => (Images(i), null));
    }
}
