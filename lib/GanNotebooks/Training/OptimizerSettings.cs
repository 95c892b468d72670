namespace GanNotebooks.Training;

/// <summary>
/// One optimizer's settings. Defaults are the GAN-tutorial choice: Adam, learning rate 2e-4, β1 = 0.5, β2 = 0.999.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed record OptimizerSettings
{
    /// <summary>Which optimizer. Default Adam.</summary>
    public OptimizerKind Kind { get; init; } = OptimizerKind.Adam;

    /// <summary>Step size. Default 2e-4.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>Adam's β1 (decay of the gradient average). Default 0.5, lower than Adam's usual 0.9, as DCGAN found best.</summary>
    public double Beta1 { get; init; } = 0.5;

    /// <summary>Adam's β2 (decay of the squared-gradient average). Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Momentum for <see cref="OptimizerKind.SgdMomentum"/> (and RMSprop's, which is 0 unless set). Default 0.9.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>RMSprop's smoothing constant α. Default 0.99.</summary>
    public double RmsPropAlpha { get; init; } = 0.99;

    /// <summary>
    /// Where a falling learning rate ends: the rate starts at <see cref="LearningRate"/> and falls in a straight line
    /// to this value over the first <see cref="DecaySteps"/> training steps, then stays there. A larger rate early
    /// gets G to recognisable samples sooner; the smaller one later lets the two networks settle. Null (the default):
    /// the rate stays <see cref="LearningRate"/>. Introduced in notebook 02-vanilla-gan.
    /// </summary>
    public double? FinalLearningRate { get; init; }

    /// <summary>Training steps (the trainer's <c>Step</c>) over which the rate falls to <see cref="FinalLearningRate"/>. Default 0; at least 1 when <see cref="FinalLearningRate"/> is set.</summary>
    public long DecaySteps { get; init; }

    /// <summary>
    /// The learning rate for the step that has <paramref name="step"/> steps before it:
    /// <see cref="LearningRate"/> + (<see cref="FinalLearningRate"/> − <see cref="LearningRate"/>) × min(1, step / <see cref="DecaySteps"/>),
    /// or <see cref="LearningRate"/> without a falling rate.
    /// </summary>
    public double LearningRateAt(long step)
    {
        if (FinalLearningRate is not { } end || DecaySteps <= 0) return LearningRate;
        return LearningRate + (end - LearningRate) * Math.Min(1.0, Math.Max(0L, step) / (double)DecaySteps);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public OptimizerSettings Validate()
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new ArgumentException($"OptimizerSettings.LearningRate = {LearningRate} must be a positive number (try 2e-4).", nameof(LearningRate));
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new ArgumentException($"OptimizerSettings.Beta1 = {Beta1} must be in [0, 1).", nameof(Beta1));
        if (!(Beta2 >= 0 && Beta2 < 1)) throw new ArgumentException($"OptimizerSettings.Beta2 = {Beta2} must be in [0, 1).", nameof(Beta2));
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentException($"OptimizerSettings.Momentum = {Momentum} must be in [0, 1).", nameof(Momentum));
        if (!(RmsPropAlpha > 0 && RmsPropAlpha < 1)) throw new ArgumentException($"OptimizerSettings.RmsPropAlpha = {RmsPropAlpha} must be in (0, 1).", nameof(RmsPropAlpha));
        if (FinalLearningRate is { } final && (!(final > 0) || double.IsInfinity(final)))
            throw new ArgumentException($"OptimizerSettings.FinalLearningRate = {final} must be a positive number (or null for a constant rate).", nameof(FinalLearningRate));
        if (DecaySteps < 0 || (FinalLearningRate is not null && DecaySteps == 0))
            throw new ArgumentException($"OptimizerSettings.DecaySteps = {DecaySteps} must be at least 1 when FinalLearningRate is set " +
                "(the number of steps over which the rate falls).", nameof(DecaySteps));
        return this;
    }
}
