using GanNotebooks.Training;

namespace GanNotebooks.Family;

/// <summary>
/// What one AC-GAN step measured: the source (real/fake) numbers of an ordinary step, the class-loss terms and how
/// often the class head named the right class. Introduced in notebook 08-gan-family.
/// </summary>
/// <param name="Adversarial">Source losses and mean D outputs, as in a <see cref="GanTrainer"/> step (without class losses).</param>
/// <param name="ClassLossReal">Class cross-entropy on real images, in D's update.</param>
/// <param name="ClassLossFake">Class cross-entropy on generated images, in D's update.</param>
/// <param name="GeneratorClassLoss">Class cross-entropy on generated images, in G's update.</param>
/// <param name="RealClassAccuracy">Share of real images the class head labels correctly.</param>
/// <param name="FakeClassAccuracy">Share of generated images the class head labels as the class G was asked for (in G's update).</param>
public readonly record struct AcGanStepMetrics(StepMetrics Adversarial, float ClassLossReal, float ClassLossFake, float GeneratorClassLoss,
    float RealClassAccuracy, float FakeClassAccuracy);
