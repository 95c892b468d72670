using GanNotebooks.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace GanNotebooks.Family;

/// <summary>
/// AC-GAN's objective as losses to minimise, each term a batch mean. The source loss L_S is the ordinary GAN
/// cross-entropy; the class loss L_C the cross-entropy of the class head against the true label (real images) or the
/// label G was asked for (generated ones). D minimises L_S + L_C(real) + L_C(fake); G minimises its non-saturating
/// source loss + L_C(fake): both want generated images to be recognisably of their class. Introduced in notebook
/// 08-gan-family.
/// </summary>
public static class AcGanLosses
{
    /// <summary>D's terms: the source loss on real and on generated images, and the class loss on each.</summary>
    public static (Tensor SourceReal, Tensor SourceFake, Tensor ClassReal, Tensor ClassFake) Discriminator(
        AcGanHeads real, Tensor realLabels, AcGanHeads fake, Tensor fakeLabels)
    {
        var (sourceReal, sourceFake) = GanLosses.Discriminator(real.SourceLogits, fake.SourceLogits);
        return (sourceReal, sourceFake, cross_entropy(real.ClassLogits, realLabels), cross_entropy(fake.ClassLogits, fakeLabels));
    }

    /// <summary>G's terms on its images: the non-saturating source loss −log D(G(z, y)) and the class loss against y.</summary>
    public static (Tensor Source, Tensor Class) Generator(AcGanHeads fake, Tensor fakeLabels) =>
        (GanLosses.Generator(fake.SourceLogits, GeneratorLossKind.NonSaturating), cross_entropy(fake.ClassLogits, fakeLabels));
}
