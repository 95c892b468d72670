using GanNotebooks.Training;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Training;

public sealed class GanLossesTests
{
    [Fact]
    public void An_undecided_discriminator_costs_log_2_per_term()
    {
        using var logits = zeros(10);   // D = sigmoid(0) = 1/2
        var (real, fake) = GanLosses.Discriminator(logits, logits);
        Assert.Equal(Math.Log(2), real.item<float>(), 5);
        Assert.Equal(Math.Log(2), fake.item<float>(), 5);
        Assert.Equal(Math.Log(2), GanLosses.Generator(logits, GeneratorLossKind.NonSaturating).item<float>(), 5);
        Assert.Equal(-Math.Log(2), GanLosses.Generator(logits, GeneratorLossKind.Minimax).item<float>(), 5);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    public void Losses_match_their_formulas(double logit)
    {
        double d = 1 / (1 + Math.Exp(-logit));
        using var l = full(3, logit);
        var (real, fake) = GanLosses.Discriminator(l, l);
        Assert.Equal(-Math.Log(d), real.item<float>(), 4);
        Assert.Equal(-Math.Log(1 - d), fake.item<float>(), 4);
        Assert.Equal(-Math.Log(d), GanLosses.Generator(l, GeneratorLossKind.NonSaturating).item<float>(), 4);
        Assert.Equal(Math.Log(1 - d), GanLosses.Generator(l, GeneratorLossKind.Minimax).item<float>(), 4);
    }

    [Fact]
    public void Minimax_gradient_vanishes_where_the_non_saturating_one_does_not()
    {
        // D is sure the fake is fake (D(G(z)) ≈ 0.007): the saturating loss gives G almost no signal.
        using var minimaxLogit = full(1, -5.0, requires_grad: true);
        GanLosses.Generator(minimaxLogit, GeneratorLossKind.Minimax).backward();
        using var nsLogit = full(1, -5.0, requires_grad: true);
        GanLosses.Generator(nsLogit, GeneratorLossKind.NonSaturating).backward();
        Assert.True(Math.Abs(minimaxLogit.grad!.item<float>()) < 0.01);
        Assert.True(Math.Abs(nsLogit.grad!.item<float>()) > 0.99);
    }

    [Fact]
    public void One_sided_label_smoothing_targets_the_real_term_only()
    {
        using var l = full(4, 2.0);
        double d = 1 / (1 + Math.Exp(-2.0));
        var (real, fake) = GanLosses.Discriminator(l, l, realTarget: 0.9);
        Assert.Equal(-(0.9 * Math.Log(d) + 0.1 * Math.Log(1 - d)), real.item<float>(), 4);
        Assert.Equal(-Math.Log(1 - d), fake.item<float>(), 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => GanLosses.Discriminator(l, l, realTarget: 0.4));
    }
}
