using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanNotebooks.Models;

/// <summary>
/// Packing (PacGAN, Lin et al. 2018): the discriminator judges <see cref="Packing"/> = m samples at once, all real
/// or all generated, so a generator that repeats itself is easier to catch. A batch [B, C, H, W] is cut into B/m
/// packs of m consecutive samples, each pack's samples are concatenated along the channels into one input
/// [B/m, m·C, H, W], and an inner discriminator built for m·C input channels gives one logit per pack
/// (<see cref="PackLogits"/>).
/// <para>
/// <see cref="forward"/> returns those logits repeated m times, one per sample ([B], each pack's logit for each of its
/// samples), so <see cref="Training.GanTrainer"/> trains a packed discriminator unchanged: the mean of the
/// cross-entropy over the B repeated logits equals the mean over the B/m packs, with the same gradients, and D's
/// mean output is the mean over packs. The batch size must be divisible by m. The trainer refuses WGAN-GP (its
/// penalty is per sample; the repeats would scale it) and feature matching (no per-sample features) with a packed D.
/// </para>
/// Build the DCGAN version with <see cref="Dcgan"/>. Introduced in notebook 09-mode-collapse-benchmark.
/// </summary>
public sealed class PackedDiscriminator : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> inner;

    /// <summary>
    /// Wraps <paramref name="inner"/>, a discriminator that takes <paramref name="packing"/> × <paramref name="imageChannels"/>
    /// input channels and returns one logit per input.
    /// </summary>
    public PackedDiscriminator(Module<Tensor, Tensor> inner, int packing, int imageChannels) : base(nameof(PackedDiscriminator))
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (packing < 1)
            throw new ArgumentOutOfRangeException(nameof(packing), packing, "PackedDiscriminator packing (samples per pack) must be at least 1; PacGAN uses 2 to 4.");
        if (imageChannels < 1)
            throw new ArgumentOutOfRangeException(nameof(imageChannels), imageChannels, "the images need at least one channel.");
        this.inner = inner;
        Packing = packing;
        ImageChannels = imageChannels;
        RegisterComponents();
    }

    /// <summary>
    /// A packed DCGAN discriminator: a <see cref="DcganDiscriminator"/> for <paramref name="config"/> whose first
    /// layer takes <paramref name="packing"/> × <c>config.Channels</c> channels (every other setting, e.g.
    /// <see cref="DcganConfig.DiscriminatorFeatures"/> or the minibatch standard deviation, as in the config).
    /// </summary>
    public static PackedDiscriminator Dcgan(DcganConfig config, int packing)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (packing < 1)
            throw new ArgumentOutOfRangeException(nameof(packing), packing, "PackedDiscriminator packing (samples per pack) must be at least 1; PacGAN uses 2 to 4.");
        var c = config.Validate();
        return new PackedDiscriminator(new DcganDiscriminator(c, extraInputChannels: (packing - 1) * c.Channels), packing, c.Channels);
    }

    /// <summary>Samples per pack (m).</summary>
    public int Packing { get; }

    /// <summary>Channels of one sample (C); the inner discriminator takes m·C.</summary>
    public int ImageChannels { get; }

    /// <summary>The discriminator that judges the packs.</summary>
    public Module<Tensor, Tensor> Inner => inner;

    /// <summary>One logit per sample [B]: each pack's logit repeated for each of its m samples.</summary>
    public override Tensor forward(Tensor images)
    {
        using var packLogits = PackLogits(images);
        return packLogits.repeat_interleave(Packing, 0);
    }

    /// <summary>One logit per pack [B/m].</summary>
    public Tensor PackLogits(Tensor images)
    {
        using var packed = Pack(images);
        return inner.forward(packed).view(-1);
    }

    /// <summary>
    /// The packs: [B, C, H, W] → [B/m, m·C, H, W], samples k·m to k·m + m − 1 forming pack k (sample j of the pack in
    /// channels j·C to j·C + C − 1).
    /// </summary>
    /// <exception cref="ArgumentException">B is not divisible by m, or the images do not have <see cref="ImageChannels"/> channels.</exception>
    public Tensor Pack(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() < 2 || images.shape[1] != ImageChannels)
            throw new ArgumentException($"expected images [B, {ImageChannels}, …], got shape [{string.Join(", ", images.shape)}].", nameof(images));
        var batch = images.shape[0];
        if (batch % Packing != 0)
            throw new ArgumentException($"a batch of {batch} samples cannot be cut into packs of PackedDiscriminator packing = {Packing}: "
                + $"make the batch size (e.g. ShuffledBatches' batch size, and the trainer's generated batches follow it) a multiple of {Packing}.", nameof(images));
        var shape = images.shape.ToArray();
        shape[0] = batch / Packing;
        shape[1] = ImageChannels * Packing;
        return images.reshape(shape);
    }
}
