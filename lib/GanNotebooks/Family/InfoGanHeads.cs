using static TorchSharp.torch;

namespace GanNotebooks.Family;

/// <summary>
/// What an <see cref="InfoGanDiscriminator"/> says about a batch: D's real/fake logit and Q's guesses of the codes.
/// Introduced in notebook 08-gan-family.
/// </summary>
/// <param name="Logits">D's real/fake logits [N].</param>
/// <param name="CategoryLogits">Q's logits over the categorical code [N, Categories].</param>
/// <param name="ContinuousMeans">Q's estimates (Gaussian means) of the continuous codes [N, ContinuousCodes].</param>
public sealed record InfoGanHeads(Tensor Logits, Tensor CategoryLogits, Tensor ContinuousMeans);
