using GanNotebooks.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Family;

/// <summary>
/// AC-GAN's discriminator (Odena et al. 2017): unlike notebook 05's conditional D it is not told the label; it sees
/// only the image and answers two questions from the same features — real or fake (its body's own output layer) and
/// which class (a linear classifier head). The body is a kit discriminator (<see cref="MlpDiscriminator"/> or
/// <see cref="DcganDiscriminator"/>). <see cref="Module{T, TResult}.forward"/> gives the source logits alone;
/// <see cref="Heads"/> both. Introduced in notebook 08-gan-family.
/// </summary>
public sealed class AcGanDiscriminator : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> body;
    private readonly Sequential classifier;

    /// <summary>A class head for <paramref name="classes"/> classes on <paramref name="body"/>, whose features hold <paramref name="featureWidth"/> values per sample.</summary>
    public AcGanDiscriminator(Module<Tensor, Tensor> body, long featureWidth, int classes = 10) : base(nameof(AcGanDiscriminator))
    {
        FeatureBody.Require(body, featureWidth);
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a classifier needs at least 2 classes");
        Classes = classes;
        this.body = body;
        classifier = Sequential(("flatten", Flatten()), ("classes", Linear(featureWidth, classes)));
        RegisterComponents();
    }

    /// <summary>Notebook 02's fully connected discriminator with a class head.</summary>
    public static AcGanDiscriminator Mlp(int classes = 10, MlpGanConfig? config = null)
    {
        var (body, width) = FeatureBody.Mlp(config);
        return new AcGanDiscriminator(body, width, classes);
    }

    /// <summary>Notebook 04's DCGAN discriminator with a class head.</summary>
    public static AcGanDiscriminator Dcgan(int classes = 10, DcganConfig? config = null)
    {
        var (body, width) = FeatureBody.Dcgan(config);
        return new AcGanDiscriminator(body, width, classes);
    }

    /// <summary>Number of classes the head tells apart.</summary>
    public int Classes { get; }

    /// <summary>Real/fake logits [N] for images [N, channels, size, size].</summary>
    public override Tensor forward(Tensor images) => body.forward(images);

    /// <summary>Source and class logits for images [N, channels, size, size], from one pass through the body.</summary>
    public AcGanHeads Heads(Tensor images)
    {
        using var scope = NewDisposeScope();
        var featureBody = (IFeatureDiscriminator)body;
        var features = featureBody.Features(images);
        return new AcGanHeads(featureBody.Classify(features).MoveToOuterDisposeScope(), classifier.forward(features).MoveToOuterDisposeScope());
    }
}
