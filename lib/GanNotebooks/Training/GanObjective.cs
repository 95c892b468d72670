namespace GanNotebooks.Training;

/// <summary>Which game a <see cref="GanTrainer"/> plays. Introduced in notebook 06-failure-modes.</summary>
public enum GanObjective
{
    /// <summary>
    /// The original GAN: D is a classifier trained with binary cross-entropy on its logits (D(x) = sigmoid(logit)),
    /// G minimises <see cref="GanTrainerOptions.GeneratorLoss"/>. The default.
    /// </summary>
    CrossEntropy,

    /// <summary>
    /// WGAN-GP (Gulrajani et al. 2017): D is a critic whose raw output (no sigmoid) scores realness. It minimises
    /// E[D(G(z))] − E[D(x)] + λ E[(‖∇D(x̂)‖₂ − 1)²] on random interpolates x̂ between real and generated samples;
    /// G minimises −E[D(G(z))]. λ is <see cref="GanTrainerOptions.GradientPenaltyWeight"/>; the critic takes 5
    /// updates per G update unless <see cref="GanTrainerOptions.DiscriminatorStepsPerGeneratorStep"/> says otherwise.
    /// The critic must not use BatchNorm.
    /// </summary>
    WassersteinGradientPenalty,

    /// <summary>
    /// The original WGAN (Arjovsky et al. 2017): D is a critic whose raw output scores realness; it minimises
    /// E[D(G(z))] − E[D(x)], and after every critic update each of its weights is clipped to [−c, c]
    /// (<see cref="GanTrainerOptions.WeightClip"/>, 0.01 in the paper), a crude way to keep it Lipschitz. G minimises
    /// −E[D(G(z))]. The critic takes 5 updates per G update unless
    /// <see cref="GanTrainerOptions.DiscriminatorStepsPerGeneratorStep"/> says otherwise; the paper trains both with
    /// RMSprop at 5e-5. Introduced in notebook 08-gan-family.
    /// </summary>
    WassersteinWeightClipping,
}
