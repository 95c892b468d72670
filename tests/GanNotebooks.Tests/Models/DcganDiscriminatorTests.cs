using GanNotebooks.Models;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class DcganDiscriminatorTests
{
    [Theory]
    [InlineData(28, 1)]
    [InlineData(32, 3)]
    [InlineData(64, 3)]
    public void Gives_one_logit_per_image(int size, int channels)
    {
        using var d = new DcganDiscriminator(new DcganConfig { ImageSize = size, Channels = channels, DiscriminatorFeatures = 8 });
        using var logits = d.forward(zeros(5, channels, size, size));
        Assert.Equal(new long[] { 5 }, logits.shape);
    }

    [Fact]
    public void The_64_pixel_discriminator_matches_the_PyTorch_tutorials_size()
    {
        using var d = new DcganDiscriminator(new DcganConfig { ImageSize = 64, Channels = 3 });
        var table = ParameterTable.Of(d, 2, 3, 64, 64);
        Assert.Equal(2_765_568, table.Trainable);
        Assert.Equal("[2, 64, 32, 32]", table.Rows[0].OutputShape);
        Assert.Equal("[2, 1, 1, 1]", table.Rows[^1].OutputShape);
        Assert.DoesNotContain(table.Rows, r => r.Type.Contains("Pool"));
    }
}
