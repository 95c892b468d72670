using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// A fully connected layer with spectral normalisation (Miyato et al. 2018): it applies W/σ(W), σ being W's largest
/// singular value, so the layer stretches no input by more than a factor 1 and D stays smooth (Lipschitz). σ is
/// estimated by one power-iteration step per forward pass in training mode, continuing from the vector u kept as the
/// buffer <c>u</c>; u is part of the state dict, so a checkpoint resumes the estimate exactly. In eval mode u is not
/// updated. The raw weight is the parameter <c>weight</c>, initialised as a plain linear layer's. Introduced in
/// notebook 06-failure-modes.
/// </summary>
public sealed class SpectralNormLinear : Module<Tensor, Tensor>
{
    /// <summary>A layer from <paramref name="inputs"/> to <paramref name="outputs"/> features, with a bias unless <paramref name="hasBias"/> is false.</summary>
    public SpectralNormLinear(long inputs, long outputs, bool hasBias = true) : base(nameof(SpectralNormLinear))
    {
        using var plain = Linear(inputs, outputs, hasBias);
        register_parameter("weight", new TorchSharp.Modules.Parameter(plain.weight!.detach().clone()));
        if (plain.bias is { } b) register_parameter("bias", new TorchSharp.Modules.Parameter(b.detach().clone()));
        register_buffer("u", PowerIteration.InitialVector(outputs));
    }

    /// <summary>The raw (unnormalised) weight [outputs, inputs].</summary>
    public Tensor Weight => get_parameter("weight")!;

    /// <summary>The bias [outputs], or null.</summary>
    public Tensor? Bias => named_parameters().Any(p => p.name == "bias") ? get_parameter("bias") : null;

    /// <summary>The power iteration's current vector u [outputs].</summary>
    public Tensor U => get_buffer("u")!;

    /// <summary>Applies x (W/σ)ᵀ + b; in training mode one power-iteration step updates u first.</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var sigma = PowerIteration.Sigma(Weight, U, training);
        return functional.linear(x, Weight / sigma, Bias).MoveToOuterDisposeScope();
    }

    /// <summary>The current estimate of σ, the raw weight's largest singular value (u is not updated).</summary>
    public double SigmaEstimate()
    {
        using var noGrad = no_grad();
        using var sigma = PowerIteration.Sigma(Weight, U, update: false);
        return sigma.item<float>();
    }

    /// <summary>The weight the layer applies, W/σ (a copy, without gradients; u is not updated).</summary>
    public Tensor EffectiveWeight()
    {
        using var noGrad = no_grad();
        using var sigma = PowerIteration.Sigma(Weight, U, update: false);
        return Weight / sigma;
    }
}
