using GanNotebooks.Training;

namespace GanNotebooks.Family;

/// <summary>
/// What one InfoGAN step measured: the adversarial numbers of an ordinary step, the two unweighted information
/// terms (G's update, on its own images) and how often Q named the categorical code that made an image.
/// Introduced in notebook 08-gan-family.
/// </summary>
/// <param name="Adversarial">Binary cross-entropy losses and mean D outputs, as in a <see cref="GanTrainer"/> step (G's loss without the information term).</param>
/// <param name="CategoricalInformationLoss">Cross-entropy of Q's category logits on G's images (upper bound on H(c₁|x); ln K at chance).</param>
/// <param name="ContinuousInformationLoss">Mean squared error of Q's continuous-code estimates on G's images (1/3 at chance for uniform codes).</param>
/// <param name="CategoryAccuracy">Share of G's images whose categorical code Q names correctly (1/K at chance).</param>
public readonly record struct InfoGanStepMetrics(StepMetrics Adversarial, float CategoricalInformationLoss, float ContinuousInformationLoss, float CategoryAccuracy);
