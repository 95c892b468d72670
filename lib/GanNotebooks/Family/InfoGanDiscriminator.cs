using GanNotebooks.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Family;

/// <summary>
/// InfoGAN's discriminator with its Q head: a kit discriminator (<see cref="MlpDiscriminator"/> or
/// <see cref="DcganDiscriminator"/>) computes features, its own output layer gives the real/fake logit, and Q — one
/// hidden layer (128 units, LeakyReLU 0.2) on the same features — predicts the categorical code's logits and the
/// continuous codes' means. Sharing the body makes Q almost free. <see cref="Module{T, TResult}.forward"/> gives D's
/// logits alone; <see cref="Heads"/> gives both. Introduced in notebook 08-gan-family.
/// </summary>
public sealed class InfoGanDiscriminator : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> body;
    private readonly Sequential q;

    /// <summary>Q on top of <paramref name="body"/>, whose features hold <paramref name="featureWidth"/> values per sample.</summary>
    public InfoGanDiscriminator(Module<Tensor, Tensor> body, long featureWidth, InfoGanCodes? codes = null) : base(nameof(InfoGanDiscriminator))
    {
        FeatureBody.Require(body, featureWidth);
        Codes = (codes ?? new InfoGanCodes()).Validate();
        this.body = body;
        q = Sequential(
            ("flatten", Flatten()),
            ("hidden", Linear(featureWidth, 128)),
            ("leaky", LeakyReLU(0.2)),
            ("codes", Linear(128, Codes.Categories + Codes.ContinuousCodes)));
        RegisterComponents();
    }

    /// <summary>Notebook 02's fully connected discriminator with a Q head.</summary>
    public static InfoGanDiscriminator Mlp(MlpGanConfig? config = null, InfoGanCodes? codes = null)
    {
        var (body, width) = FeatureBody.Mlp(config);
        return new InfoGanDiscriminator(body, width, codes);
    }

    /// <summary>Notebook 04's DCGAN discriminator with a Q head.</summary>
    public static InfoGanDiscriminator Dcgan(DcganConfig? config = null, InfoGanCodes? codes = null)
    {
        var (body, width) = FeatureBody.Dcgan(config);
        return new InfoGanDiscriminator(body, width, codes);
    }

    /// <summary>The code layout Q predicts.</summary>
    public InfoGanCodes Codes { get; }

    /// <summary>The parameters of the Q head alone (not the shared body).</summary>
    public IEnumerable<Parameter> QHeadParameters() => q.parameters();

    /// <summary>D's real/fake logits [N] for images [N, channels, size, size].</summary>
    public override Tensor forward(Tensor images) => body.forward(images);

    /// <summary>D's logits and Q's code predictions for images [N, channels, size, size], from one pass through the body.</summary>
    public InfoGanHeads Heads(Tensor images)
    {
        using var scope = NewDisposeScope();
        var featureBody = (IFeatureDiscriminator)body;
        var features = featureBody.Features(images);
        var logits = featureBody.Classify(features);
        var codes = q.forward(features);
        var categoryLogits = codes.narrow(1, 0, Codes.Categories);
        var continuous = codes.narrow(1, Codes.Categories, Codes.ContinuousCodes);
        return new InfoGanHeads(logits.MoveToOuterDisposeScope(), categoryLogits.MoveToOuterDisposeScope(), continuous.MoveToOuterDisposeScope());
    }
}
