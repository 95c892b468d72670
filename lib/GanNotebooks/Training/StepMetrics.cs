namespace GanNotebooks.Training;

/// <summary>
/// What one training step measured, as plain numbers. Loss_D is <see cref="DiscriminatorLossReal"/> +
/// <see cref="DiscriminatorLossFake"/>; D(x) is D's mean output on the real batch; D(G(z)) is its mean output on
/// the generated batch, before D's update (<see cref="DOfGBeforeUpdate"/>) and after it, as the generator sees it
/// (<see cref="DOfGAfterUpdate"/>). Introduced in notebook 02-vanilla-gan.
/// <para>
/// With <see cref="GanObjective.WassersteinGradientPenalty"/> (or, from notebook 08-gan-family,
/// <see cref="GanObjective.WassersteinWeightClipping"/>, where the penalty is 0) D is a critic without a sigmoid, and the fields keep
/// the same places with the critic's numbers: the two loss terms are −E[D(x)] and E[D(G(z))], D(x) and D(G(z)) are
/// mean raw critic scores (any real number, not probabilities), <see cref="WassersteinEstimate"/> is their
/// difference and <see cref="GradientPenalty"/> the penalty term. When G is not updated every step
/// (<see cref="GanTrainerOptions.DiscriminatorStepsPerGeneratorStep"/>), the G fields hold G's latest update.
/// </para>
/// </summary>
/// <param name="Step">Steps completed before this one (0-based).</param>
/// <param name="DiscriminatorLossReal">−log D(x), batch mean (WGAN-GP: −E[D(x)]).</param>
/// <param name="DiscriminatorLossFake">−log(1 − D(G(z))), batch mean (WGAN-GP: E[D(G(z))]).</param>
/// <param name="GeneratorLoss">The generator's loss, batch mean (WGAN-GP: −E[D(G(z))]).</param>
/// <param name="DOfX">Mean D(x) on the real batch (WGAN-GP: the mean raw critic score).</param>
/// <param name="DOfGBeforeUpdate">Mean D(G(z)) during D's update (WGAN-GP: the mean raw critic score).</param>
/// <param name="DOfGAfterUpdate">Mean D(G(z)) during G's update (WGAN-GP: the mean raw critic score).</param>
public readonly record struct StepMetrics(
    long Step,
    float DiscriminatorLossReal,
    float DiscriminatorLossFake,
    float GeneratorLoss,
    float DOfX,
    float DOfGBeforeUpdate,
    float DOfGAfterUpdate)
{
    /// <summary>Loss_D: the sum of the two discriminator terms (for WGAN-GP without the <see cref="GradientPenalty"/>).</summary>
    public float DiscriminatorLoss => DiscriminatorLossReal + DiscriminatorLossFake;

    /// <summary>
    /// The critic's estimate of the Wasserstein distance, E[D(x)] − E[D(G(z))] = <see cref="DOfX"/> −
    /// <see cref="DOfGBeforeUpdate"/>: meaningful for <see cref="GanObjective.WassersteinGradientPenalty"/>, where
    /// those are raw critic scores; it shrinks as G's samples approach the data. Introduced in notebook 06-failure-modes.
    /// </summary>
    public float WassersteinEstimate => DOfX - DOfGBeforeUpdate;

    /// <summary>
    /// WGAN-GP's weighted gradient penalty λ E[(‖∇D(x̂)‖₂ − 1)²], the part of D's loss not in
    /// <see cref="DiscriminatorLoss"/>; 0 for the cross-entropy objective. Introduced in notebook 06-failure-modes.
    /// </summary>
    public float GradientPenalty { get; init; }

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
