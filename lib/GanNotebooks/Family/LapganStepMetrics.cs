using GanNotebooks.Training;

namespace GanNotebooks.Family;

/// <summary>
/// What one LAPGAN step measured, per pyramid level, coarse to fine: <c>Levels[0]</c> is the coarsest level's
/// ordinary GAN, each later entry a refinement level's conditional GAN on residuals. Each entry has the numbers of a
/// <see cref="GanTrainer"/> step (losses, mean D outputs, gradient norms). Introduced in notebook 08-gan-family.
/// </summary>
/// <param name="Step">Steps completed before this one (0-based).</param>
/// <param name="Levels">One entry per level, coarse to fine.</param>
public sealed record LapganStepMetrics(long Step, IReadOnlyList<StepMetrics> Levels);
