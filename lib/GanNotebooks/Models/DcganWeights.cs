using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanNotebooks.Models;

/// <summary>
/// The DCGAN paper's initialisation, shared by every convolutional model of the kit: convolution and
/// transposed-convolution weights from N(0, 0.02), BatchNorm scales from N(1, 0.02) and shifts 0.
/// Introduced in notebook 04-dcgan.
/// </summary>
public static class DcganWeights
{
    /// <summary>Standard deviation of the initial weights.</summary>
    public const double Std = 0.02;

    /// <summary>Re-initialises every convolution and BatchNorm layer inside <paramref name="model"/>.</summary>
    public static void Initialize(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var module in model.modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    nn.init.normal_(conv.weight, 0, Std);
                    if (conv.bias is { } convBias) nn.init.zeros_(convBias);
                    break;
                case ConvTranspose2d deconv:
                    nn.init.normal_(deconv.weight, 0, Std);
                    if (deconv.bias is { } deconvBias) nn.init.zeros_(deconvBias);
                    break;
                case SpectralNormConv2d or LatentProjection or Im2ColConv2d or Col2ImConvTranspose2d:
                    nn.init.normal_(module.get_parameter("weight")!, 0, Std);   // the kit's own layers: one kernel, no bias
                    break;
                case BatchNorm2d norm:
                    nn.init.normal_(norm.weight!, 1, Std);
                    nn.init.zeros_(norm.bias!);
                    break;
            }
        }
    }
}
