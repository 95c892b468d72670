namespace GanNotebooks.Training;

/// <summary>
/// How a <see cref="GanTrainer"/> trains. Defaults: latent size 100, non-saturating generator loss, Adam
/// (2e-4, β1 = 0.5) for both networks, seed 42, 64 fixed-noise vectors. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed record GanTrainerOptions
{
    /// <summary>Length of the noise vector z. Must match the generator's input. Default 100.</summary>
    public int LatentSize { get; init; } = 100;

    /// <summary>
    /// Which generator loss. Default <see cref="GeneratorLossKind.NonSaturating"/>;
    /// <see cref="GeneratorLossKind.FeatureMatching"/> needs a discriminator that implements
    /// <see cref="Models.IFeatureDiscriminator"/>. Applies to the cross-entropy objective only.
    /// </summary>
    public GeneratorLossKind GeneratorLoss { get; init; } = GeneratorLossKind.NonSaturating;

    /// <summary>
    /// The discriminator's optimizer. Default Adam, 2e-4, β1 = 0.5. A learning rate different from
    /// <see cref="GeneratorOptimizer"/>'s gives the two-time-scale update rule (TTUR, Heusel et al. 2017), e.g. D at
    /// 4e-4 and G at 1e-4; each network's optimizer uses its own settings (notebook 06-failure-modes).
    /// </summary>
    public OptimizerSettings DiscriminatorOptimizer { get; init; } = new();

    /// <summary>The generator's optimizer. Default Adam, 2e-4, β1 = 0.5. See <see cref="DiscriminatorOptimizer"/> for TTUR.</summary>
    public OptimizerSettings GeneratorOptimizer { get; init; } = new();

    /// <summary>Seed of the trainer's noise generator (fixed noise, then per-step noise). Default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>How many fixed noise vectors to keep for progress pictures. Default 64 (an 8×8 grid).</summary>
    public int FixedNoiseCount { get; init; } = 64;

    /// <summary>
    /// The discriminator's target for real images: 1 (default), or 0.9 for one-sided label smoothing. Generated
    /// images keep the target 0.
    /// </summary>
    public double RealLabel { get; init; } = 1.0;

    /// <summary>
    /// Instance noise (Sønderby et al. 2016; Arjovsky and Bottou 2017): the standard deviation σ of Gaussian noise
    /// added to everything D sees, real and generated samples alike, at step 0. The noise makes the two
    /// distributions overlap, so D cannot separate them perfectly and G keeps getting useful gradients. σ falls
    /// linearly to 0 over <see cref="InstanceNoiseAnnealSteps"/> steps (<see cref="InstanceNoiseStd"/>). The noise is
    /// drawn from the trainer's own seeded generator, so runs repeat exactly. Default 0: no noise. Introduced in
    /// notebook 06-failure-modes.
    /// </summary>
    public double InstanceNoiseStart { get; init; }

    /// <summary>Steps over which the instance noise's σ falls from <see cref="InstanceNoiseStart"/> to 0. Default 0 (no noise).</summary>
    public long InstanceNoiseAnnealSteps { get; init; }

    /// <summary>
    /// The instance noise's σ at <paramref name="step"/> (steps completed, as <see cref="GanTrainer.Step"/>):
    /// <see cref="InstanceNoiseStart"/> × max(0, 1 − step / <see cref="InstanceNoiseAnnealSteps"/>); 0 without noise.
    /// </summary>
    public double InstanceNoiseStd(long step)
    {
        if (InstanceNoiseStart == 0 || InstanceNoiseAnnealSteps <= 0) return 0;
        return InstanceNoiseStart * Math.Max(0, 1 - (double)step / InstanceNoiseAnnealSteps);
    }

    /// <summary>
    /// Which game: <see cref="GanObjective.CrossEntropy"/> (default, the original GAN) or
    /// <see cref="GanObjective.WassersteinGradientPenalty"/> (WGAN-GP, D becomes a critic). Introduced in notebook
    /// 06-failure-modes.
    /// </summary>
    public GanObjective Objective { get; init; } = GanObjective.CrossEntropy;

    /// <summary>λ, the weight of WGAN-GP's gradient penalty. Default 10, as in the paper. Used only by WGAN-GP.</summary>
    public double GradientPenaltyWeight { get; init; } = 10;

    /// <summary>
    /// c, the bound of WGAN's weight clipping: after each critic update every critic weight is clamped to [−c, c].
    /// Default 0.01, as in the paper. Used only by <see cref="GanObjective.WassersteinWeightClipping"/>. Introduced in
    /// notebook 08-gan-family.
    /// </summary>
    public double WeightClip { get; init; } = 0.01;

    /// <summary>
    /// Whether each step records the L2 norm of all of G's and of D's gradients before their updates
    /// (<see cref="StepMetrics.GeneratorGradientNorm"/>, <see cref="StepMetrics.DiscriminatorGradientNorm"/>). Off by
    /// default: reading every gradient once more costs 4–8% of an MLP GAN step on two CPU cores, and only the
    /// vanishing-gradient experiment of notebook 06-failure-modes needs the numbers; without it they are NaN. A
    /// measurement, not part of the training: a checkpoint loads whatever this setting is.
    /// </summary>
    public bool RecordGradientNorms { get; init; }

    /// <summary>
    /// The step from which D stops learning: from then on each <see cref="GanTrainer.TrainStep"/> still measures D on
    /// the real and the generated batch (losses and mean outputs, no gradient) but leaves its weights as they are,
    /// while G keeps training against that fixed D. This is the generator's half of the game on its own,
    /// min over G for one D: G's samples drift to the few points that this D rates most real, the limit of a G that
    /// moves much faster than D, and a way to provoke a complete mode collapse. Null (the default): D always learns.
    /// Introduced in notebook 06-failure-modes.
    /// </summary>
    public long? FreezeDiscriminatorAtStep { get; init; }

    /// <summary>Whether D takes an update on the step that has <paramref name="step"/> steps before it (see <see cref="FreezeDiscriminatorAtStep"/>).</summary>
    public bool DiscriminatorLearnsAt(long step) => FreezeDiscriminatorAtStep is not { } frozen || step < frozen;

    /// <summary>Whether <see cref="Objective"/> makes D a Wasserstein critic (raw scores, no sigmoid): WGAN-GP or WGAN with weight clipping.</summary>
    public bool IsWasserstein() => Objective is GanObjective.WassersteinGradientPenalty or GanObjective.WassersteinWeightClipping;

    /// <summary>
    /// D updates per G update (n_D of the D:G update ratio): each <see cref="GanTrainer.TrainStep"/> takes one real
    /// batch and updates D once; G is updated on every n_D-th step, after the n_D-th D update, and the steps in
    /// between report G's latest measurements. Null (the default) means 1 for the cross-entropy objective, the ratio of
    /// the original GAN, and 5 for WGAN-GP and WGAN with weight clipping (n_critic in the paper). Larger values make D stronger relative to G. Introduced in notebook 06-failure-modes.
    /// </summary>
    public int? DiscriminatorStepsPerGeneratorStep { get; init; }

    /// <summary>
    /// G updates after each round of D updates (n_G), each on freshly drawn noise (the first reuses the step's
    /// generated batch). Default 1. Values above 1 make G stronger relative to D; at most one of n_D and n_G may be
    /// above 1. Introduced in notebook 06-failure-modes.
    /// </summary>
    public int GeneratorStepsPerDiscriminatorStep { get; init; } = 1;

    /// <summary>
    /// The number of D updates per G update in effect: <see cref="DiscriminatorStepsPerGeneratorStep"/>, or when it is
    /// not set 1 (cross-entropy) or 5 (WGAN-GP, WGAN with weight clipping).
    /// </summary>
    public int DiscriminatorSteps() => DiscriminatorStepsPerGeneratorStep ?? (IsWasserstein() ? 5 : 1);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public GanTrainerOptions Validate()
    {
        if (DiscriminatorStepsPerGeneratorStep is { } nD && nD is < 1 or > 100)
            throw new ArgumentException($"GanTrainerOptions.DiscriminatorStepsPerGeneratorStep = {nD} must be from 1 to 100 (or null for the default).", nameof(DiscriminatorStepsPerGeneratorStep));
        if (GeneratorStepsPerDiscriminatorStep is < 1 or > 100)
            throw new ArgumentException($"GanTrainerOptions.GeneratorStepsPerDiscriminatorStep = {GeneratorStepsPerDiscriminatorStep} must be from 1 to 100.", nameof(GeneratorStepsPerDiscriminatorStep));
        if (DiscriminatorSteps() > 1 && GeneratorStepsPerDiscriminatorStep > 1)
            throw new ArgumentException($"GanTrainerOptions.DiscriminatorStepsPerGeneratorStep = {DiscriminatorSteps()} and GeneratorStepsPerDiscriminatorStep = " +
                $"{GeneratorStepsPerDiscriminatorStep} are both above 1: set one of them to 1 to give the D:G ratio.", nameof(GeneratorStepsPerDiscriminatorStep));
        if (FreezeDiscriminatorAtStep is < 0)
            throw new ArgumentException($"GanTrainerOptions.FreezeDiscriminatorAtStep = {FreezeDiscriminatorAtStep} must be 0 or more (the step from which D stops learning), or null.", nameof(FreezeDiscriminatorAtStep));
        if (LatentSize <= 0) throw new ArgumentException($"GanTrainerOptions.LatentSize = {LatentSize} must be at least 1.", nameof(LatentSize));
        if (FixedNoiseCount <= 0) throw new ArgumentException($"GanTrainerOptions.FixedNoiseCount = {FixedNoiseCount} must be at least 1.", nameof(FixedNoiseCount));
        if (!(RealLabel > 0.5 && RealLabel <= 1.0))
            throw new ArgumentException($"GanTrainerOptions.RealLabel = {RealLabel} must be in (0.5, 1]; 0.9 is the usual one-sided smoothing.", nameof(RealLabel));
        if (!(InstanceNoiseStart >= 0) || double.IsInfinity(InstanceNoiseStart))
            throw new ArgumentException($"GanTrainerOptions.InstanceNoiseStart = {InstanceNoiseStart} must be 0 (no noise) or a positive standard deviation.", nameof(InstanceNoiseStart));
        if (InstanceNoiseAnnealSteps < 0 || (InstanceNoiseStart > 0 && InstanceNoiseAnnealSteps == 0))
            throw new ArgumentException($"GanTrainerOptions.InstanceNoiseAnnealSteps = {InstanceNoiseAnnealSteps} must be at least 1 when InstanceNoiseStart is above 0 " +
                "(the number of steps over which the noise fades out).", nameof(InstanceNoiseAnnealSteps));
        if (!Enum.IsDefined(Objective))
            throw new ArgumentException($"GanTrainerOptions.Objective = {Objective} is not a known objective (CrossEntropy, WassersteinGradientPenalty or WassersteinWeightClipping).", nameof(Objective));
        if (!(GradientPenaltyWeight >= 0) || double.IsInfinity(GradientPenaltyWeight))
            throw new ArgumentException($"GanTrainerOptions.GradientPenaltyWeight = {GradientPenaltyWeight} must be 0 or a positive number (the paper uses 10).", nameof(GradientPenaltyWeight));
        if (!(WeightClip > 0) || double.IsInfinity(WeightClip))
            throw new ArgumentException($"GanTrainerOptions.WeightClip = {WeightClip} must be a positive number (the paper uses 0.01).", nameof(WeightClip));
        if (IsWasserstein())
        {
            if (RealLabel != 1.0)
                throw new ArgumentException($"GanTrainerOptions.RealLabel = {RealLabel} smooths a classifier's targets; a Wasserstein critic has none. Leave RealLabel at 1.", nameof(RealLabel));
            if (GeneratorLoss != GeneratorLossKind.NonSaturating)
                throw new ArgumentException($"GanTrainerOptions.GeneratorLoss = {GeneratorLoss} belongs to the cross-entropy objective; a Wasserstein generator's loss is −E[D(G(z))]. " +
                    "Leave GeneratorLoss at NonSaturating.", nameof(GeneratorLoss));
        }
        DiscriminatorOptimizer.Validate();
        GeneratorOptimizer.Validate();
        return this;
    }
}
