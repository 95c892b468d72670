using static TorchSharp.torch;

namespace GanNotebooks.Family;

/// <summary>What an <see cref="AcGanDiscriminator"/> says about a batch. Introduced in notebook 08-gan-family.</summary>
/// <param name="SourceLogits">Real/fake logits [N] (the source, S in the paper).</param>
/// <param name="ClassLogits">Class logits [N, Classes] (C in the paper).</param>
public sealed record AcGanHeads(Tensor SourceLogits, Tensor ClassLogits);
