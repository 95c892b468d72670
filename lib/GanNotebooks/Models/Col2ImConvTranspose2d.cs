using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// A transposed 2-D convolution (square kernel, equal stride and padding on both axes, no bias) computed the classic
/// way, "col2im": one matrix product of the kernel, read as W [in, out·k·k] and transposed, with the input gives every
/// input pixel's stamp of the kernel as a column, and folding the columns back onto the output grid adds up where
/// stamps overlap. Same weights and result as <c>ConvTranspose2d</c>. The kit uses it for the generator's last
/// layer when it writes a single grey channel, where the convolution library's own kernels are slow on a CPU
/// (notebook 04-dcgan measures it; for three channels the library is faster again). Introduced in notebook 04-dcgan.
/// </summary>
public sealed class Col2ImConvTranspose2d : Module<Tensor, Tensor>
{
    private readonly long inputs;
    private readonly long outputs;
    private readonly long kernel;
    private readonly long stride;
    private readonly long padding;

    /// <summary>A transposed convolution from <paramref name="inputs"/> to <paramref name="outputs"/> channels with a <paramref name="kernel"/>×<paramref name="kernel"/> kernel.</summary>
    public Col2ImConvTranspose2d(long inputs, long outputs, long kernel, long stride = 1, long padding = 0) : base(nameof(Col2ImConvTranspose2d))
    {
        if (inputs <= 0 || outputs <= 0 || kernel <= 0 || stride <= 0 || padding < 0)
            throw new ArgumentOutOfRangeException(nameof(inputs), $"Col2ImConvTranspose2d({inputs}, {outputs}, kernel {kernel}, stride {stride}, padding {padding}): channels, kernel and stride must be at least 1, padding at least 0.");
        using var plain = ConvTranspose2d(inputs, outputs, kernel, stride: stride, padding: padding, bias: false);
        register_parameter("weight", new TorchSharp.Modules.Parameter(plain.weight!.detach().clone()));
        (this.inputs, this.outputs, this.kernel, this.stride, this.padding) = (inputs, outputs, kernel, stride, padding);
    }

    /// <summary>The kernel [inputs, outputs, kernel, kernel], laid out as <c>ConvTranspose2d</c>'s.</summary>
    public Tensor Weight => get_parameter("weight")!;

    /// <summary>Maps [batch, inputs, h, w] to [batch, outputs, (h − 1)·stride − 2·padding + kernel, …].</summary>
    public override Tensor forward(Tensor x)
    {
        long height = (x.shape[2] - 1) * stride - 2 * padding + kernel;
        long width = (x.shape[3] - 1) * stride - 2 * padding + kernel;
        using var flat = x.reshape(x.shape[0], inputs, x.shape[2] * x.shape[3]);
        using var matrix = Weight.view(inputs, outputs * kernel * kernel);
        using var transposed = matrix.t();
        using var columns = transposed.matmul(flat);                                                   // [batch, outputs·k·k, positions]
        return functional.fold(columns, (height, width), (kernel, kernel), dilation: (1, 1), padding: (padding, padding), stride: (stride, stride));
    }
}
