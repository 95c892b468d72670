using GanNotebooks.Grading;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Grading;

public sealed class GivenTensorTests
{
    [Fact]
    public void Holds_the_written_numbers_as_a_float32_vector_on_the_cpu()
    {
        using var t = GivenTensor.Of(0.5f, -0.2f, 0.9f);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal([3L], t.shape);
        Assert.Equal(TorchSharp.DeviceType.CPU, t.device_type);
        Assert.Equal([0.5f, -0.2f, 0.9f], t.data<float>().ToArray());
    }

    [Fact]
    public void Rejects_a_missing_array()
    {
        Assert.Throws<ArgumentNullException>(() => GivenTensor.Of(null!));
    }
}
