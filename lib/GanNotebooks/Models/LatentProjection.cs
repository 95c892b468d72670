using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// The DCGAN generator's first layer: a transposed convolution of the noise, read as a 1×1 image with
/// <c>latent</c> channels, by a <c>size</c>×<c>size</c> kernel to a <c>size</c>×<c>size</c> map. On a 1×1 input
/// every output value is a weighted sum of the whole noise vector, so the layer is one matrix product
/// z [batch, latent] · W [latent, channels·size·size], and is computed as one: the same weights W [latent, channels,
/// size, size] as <c>ConvTranspose2d(latent, channels, size)</c> and the same result, in about a sixth of the time
/// on a CPU (notebook 04-dcgan measures it). Introduced in notebook 04-dcgan.
/// </summary>
public sealed class LatentProjection : Module<Tensor, Tensor>
{
    private readonly long latent;
    private readonly long channels;
    private readonly long size;

    /// <summary>Projects <paramref name="latent"/> noise values to <paramref name="channels"/> maps of <paramref name="size"/>×<paramref name="size"/>.</summary>
    public LatentProjection(long latent, long channels, long size) : base(nameof(LatentProjection))
    {
        if (latent <= 0 || channels <= 0 || size <= 0)
            throw new ArgumentOutOfRangeException(nameof(latent), $"LatentProjection({latent}, {channels}, {size}): every size must be at least 1.");
        using var plain = ConvTranspose2d(latent, channels, size, stride: 1, padding: 0, bias: false);
        register_parameter("weight", new TorchSharp.Modules.Parameter(plain.weight!.detach().clone()));
        (this.latent, this.channels, this.size) = (latent, channels, size);
    }

    /// <summary>The kernel [latent, channels, size, size], laid out as <c>ConvTranspose2d</c>'s.</summary>
    public Tensor Weight => get_parameter("weight")!;

    /// <summary>Maps noise [batch, latent] (or [batch, latent, 1, 1]) to maps [batch, channels, size, size].</summary>
    public override Tensor forward(Tensor z)
    {
        using var flat = z.reshape(z.shape[0], latent);
        using var matrix = Weight.view(latent, channels * size * size);
        using var product = flat.matmul(matrix);
        return product.view(z.shape[0], channels, size, size);
    }
}
