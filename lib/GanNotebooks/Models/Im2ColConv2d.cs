using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// A 2-D convolution (square kernel, equal stride and padding on both axes, no bias) computed the classic way,
/// "im2col": every patch the kernel covers is unfolded into a column, and one matrix product of the kernel
/// W [out, in·k·k] with the columns gives all outputs. Same weights and result as <c>Conv2d</c>. The kit uses it for
/// the discriminator's first layer when it reads a single grey channel, where the convolution library's own kernels
/// are slow on a CPU (notebook 04-dcgan measures it; with three or more channels the library is faster again), and
/// for its last layer, whose kernel covers the whole remaining map, so that the unfolding is a reshape. Introduced in notebook 04-dcgan.
/// </summary>
public sealed class Im2ColConv2d : Module<Tensor, Tensor>
{
    private readonly long inputs;
    private readonly long outputs;
    private readonly long kernel;
    private readonly long stride;
    private readonly long padding;

    /// <summary>A convolution from <paramref name="inputs"/> to <paramref name="outputs"/> channels with a <paramref name="kernel"/>×<paramref name="kernel"/> kernel.</summary>
    public Im2ColConv2d(long inputs, long outputs, long kernel, long stride = 1, long padding = 0) : base(nameof(Im2ColConv2d))
    {
        if (inputs <= 0 || outputs <= 0 || kernel <= 0 || stride <= 0 || padding < 0)
            throw new ArgumentOutOfRangeException(nameof(inputs), $"Im2ColConv2d({inputs}, {outputs}, kernel {kernel}, stride {stride}, padding {padding}): channels, kernel and stride must be at least 1, padding at least 0.");
        using var plain = Conv2d(inputs, outputs, kernel, stride: stride, padding: padding, bias: false);
        register_parameter("weight", new TorchSharp.Modules.Parameter(plain.weight!.detach().clone()));
        (this.inputs, this.outputs, this.kernel, this.stride, this.padding) = (inputs, outputs, kernel, stride, padding);
    }

    /// <summary>The kernel [outputs, inputs, kernel, kernel], laid out as <c>Conv2d</c>'s.</summary>
    public Tensor Weight => get_parameter("weight")!;

    /// <summary>Maps [batch, inputs, h, w] to [batch, outputs, (h + 2·padding − kernel)/stride + 1, …].</summary>
    public override Tensor forward(Tensor x)
    {
        long height = (x.shape[2] + 2 * padding - kernel) / stride + 1;
        long width = (x.shape[3] + 2 * padding - kernel) / stride + 1;
        if (padding == 0 && x.shape[2] == kernel && x.shape[3] == kernel)
        {
            // The kernel covers the whole input: one patch per image, and the unfolding is a reshape.
            using var images = x.reshape(x.shape[0], inputs * kernel * kernel);
            using var weights = Weight.view(outputs, inputs * kernel * kernel);
            using var transposed = weights.t();
            using var logits = images.matmul(transposed);                                                  // [batch, outputs]
            return logits.view(x.shape[0], outputs, 1, 1);
        }
        using var columns = functional.unfold(x, kernel, dilation: 1, padding: padding, stride: stride);   // [batch, inputs·k·k, positions]
        using var matrix = Weight.view(outputs, inputs * kernel * kernel);
        using var product = matrix.matmul(columns);                                                          // [batch, outputs, positions]
        return product.view(x.shape[0], outputs, height, width);
    }
}
