using GanNotebooks.Models;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class MlpDiscriminatorTests
{
    [Fact]
    public void Default_discriminator_has_the_Keras_tutorial_parameter_count()
    {
        using var d = new MlpDiscriminator();
        var table = ParameterTable.Of(d, 2, 1, 28, 28);
        Assert.Equal(533_505, table.Total);
        Assert.Equal(0, table.RunningStatistics);
    }

    [Fact]
    public void Gives_one_logit_per_image()
    {
        using var d = new MlpDiscriminator();
        using var logits = d.forward(zeros(5, 1, 28, 28));
        Assert.Equal(new long[] { 5 }, logits.shape);
    }
}
