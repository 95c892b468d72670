using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// A 2-D convolution with spectral normalisation (Miyato et al. 2018), the convolutional twin of
/// <see cref="SpectralNormLinear"/>: the kernel W [out, in, k, k] is read as a matrix [out, in·k·k] and divided by its
/// largest singular value σ, estimated by one power-iteration step per training forward pass from the persistent
/// buffer <c>u</c>. Square kernels, equal stride and padding on both axes. Introduced in notebook 06-failure-modes.
/// </summary>
public sealed class SpectralNormConv2d : Module<Tensor, Tensor>
{
    private readonly long stride;
    private readonly long padding;

    /// <summary>A convolution from <paramref name="inputs"/> to <paramref name="outputs"/> channels with a <paramref name="kernel"/>×<paramref name="kernel"/> kernel.</summary>
    public SpectralNormConv2d(long inputs, long outputs, long kernel, long stride = 1, long padding = 0, bool hasBias = true)
        : base(nameof(SpectralNormConv2d))
    {
        using var plain = Conv2d(inputs, outputs, kernel, stride: stride, padding: padding, bias: hasBias);
        register_parameter("weight", new TorchSharp.Modules.Parameter(plain.weight!.detach().clone()));
        if (plain.bias is { } b) register_parameter("bias", new TorchSharp.Modules.Parameter(b.detach().clone()));
        register_buffer("u", PowerIteration.InitialVector(outputs));
        this.stride = stride;
        this.padding = padding;
    }

    /// <summary>The raw (unnormalised) kernel [outputs, inputs, kernel, kernel].</summary>
    public Tensor Weight => get_parameter("weight")!;

    /// <summary>The bias [outputs], or null.</summary>
    public Tensor? Bias => named_parameters().Any(p => p.name == "bias") ? get_parameter("bias") : null;

    /// <summary>The power iteration's current vector u [outputs].</summary>
    public Tensor U => get_buffer("u")!;

    /// <summary>Convolves with W/σ; in training mode one power-iteration step updates u first.</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var sigma = PowerIteration.Sigma(Weight, U, training);
        return functional.conv2d(x, Weight / sigma, Bias, strides: [stride, stride], padding: [padding, padding]).MoveToOuterDisposeScope();
    }

    /// <summary>The current estimate of σ, the largest singular value of the kernel read as a matrix (u is not updated).</summary>
    public double SigmaEstimate()
    {
        using var noGrad = no_grad();
        using var sigma = PowerIteration.Sigma(Weight, U, update: false);
        return sigma.item<float>();
    }
}
