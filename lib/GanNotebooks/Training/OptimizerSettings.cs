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

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public OptimizerSettings Validate()
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new ArgumentException($"OptimizerSettings.LearningRate = {LearningRate} must be a positive number (try 2e-4).", nameof(LearningRate));
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new ArgumentException($"OptimizerSettings.Beta1 = {Beta1} must be in [0, 1).", nameof(Beta1));
        if (!(Beta2 >= 0 && Beta2 < 1)) throw new ArgumentException($"OptimizerSettings.Beta2 = {Beta2} must be in [0, 1).", nameof(Beta2));
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentException($"OptimizerSettings.Momentum = {Momentum} must be in [0, 1).", nameof(Momentum));
        if (!(RmsPropAlpha > 0 && RmsPropAlpha < 1)) throw new ArgumentException($"OptimizerSettings.RmsPropAlpha = {RmsPropAlpha} must be in (0, 1).", nameof(RmsPropAlpha));
        return this;
    }
}
