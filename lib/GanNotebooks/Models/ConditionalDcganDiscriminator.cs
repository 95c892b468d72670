using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace GanNotebooks.Models;

/// <summary>
/// The conditional convolutional discriminator: the label is given as one-hot maps, one constant image channel
/// per class, stacked onto the image, then a <see cref="DcganDiscriminator"/> judges the pair.
/// Introduced in notebook 05-conditional-gan.
/// </summary>
public sealed class ConditionalDcganDiscriminator : Module<Tensor, Tensor, Tensor>
{
    private readonly DcganDiscriminator body;

    /// <summary>A discriminator for <paramref name="classes"/> classes.</summary>
    public ConditionalDcganDiscriminator(int classes = 10, DcganConfig? config = null) : base(nameof(ConditionalDcganDiscriminator))
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a condition needs at least 2 classes");
        Classes = classes;
        body = new DcganDiscriminator(config, extraInputChannels: classes);
        RegisterComponents();
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Maps images [batch, channels, size, size] and labels [batch] to logits [batch].</summary>
    public override Tensor forward(Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var maps = one_hot(labels, Classes).to_type(images.dtype).view(labels.shape[0], Classes, 1, 1)
            .expand(labels.shape[0], Classes, images.shape[2], images.shape[3]);
        return body.forward(cat([images, maps], 1)).MoveToOuterDisposeScope();
    }
}
