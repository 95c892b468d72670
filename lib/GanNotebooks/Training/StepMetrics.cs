namespace GanNotebooks.Training;

/// <summary>
/// What one training step measured, as plain numbers. Loss_D is <see cref="DiscriminatorLossReal"/> +
/// <see cref="DiscriminatorLossFake"/>; D(x) is D's mean output on the real batch; D(G(z)) is its mean output on
/// the generated batch, before D's update (<see cref="DOfGBeforeUpdate"/>) and after it, as the generator sees it
/// (<see cref="DOfGAfterUpdate"/>). Introduced in notebook 02-vanilla-gan.
/// </summary>
/// <param name="Step">Steps completed before this one (0-based).</param>
/// <param name="DiscriminatorLossReal">−log D(x), batch mean.</param>
/// <param name="DiscriminatorLossFake">−log(1 − D(G(z))), batch mean.</param>
/// <param name="GeneratorLoss">The generator's loss, batch mean.</param>
/// <param name="DOfX">Mean D(x) on the real batch.</param>
/// <param name="DOfGBeforeUpdate">Mean D(G(z)) during D's update.</param>
/// <param name="DOfGAfterUpdate">Mean D(G(z)) during G's update.</param>
public readonly record struct StepMetrics(
    long Step,
    float DiscriminatorLossReal,
    float DiscriminatorLossFake,
    float GeneratorLoss,
    float DOfX,
    float DOfGBeforeUpdate,
    float DOfGAfterUpdate)
{
    /// <summary>Loss_D: the sum of the two discriminator terms.</summary>
    public float DiscriminatorLoss => DiscriminatorLossReal + DiscriminatorLossFake;

    /// <summary>
    /// The L2 norm of all of G's parameter gradients, taken after G's backward pass and before its optimizer step:
    /// how hard the loss pushes G. It falls towards 0 with the minimax loss against a discriminator that wins
    /// (vanishing gradients). NaN when not measured (histories from checkpoints written before it was recorded).
    /// Introduced in notebook 06-failure-modes.
    /// </summary>
    public float GeneratorGradientNorm { get; init; } = float.NaN;

    /// <summary>
    /// The L2 norm of all of D's parameter gradients after D's backward pass, before its optimizer step. NaN when
    /// not measured. Introduced in notebook 06-failure-modes.
    /// </summary>
    public float DiscriminatorGradientNorm { get; init; } = float.NaN;
}
