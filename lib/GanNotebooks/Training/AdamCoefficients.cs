namespace GanNotebooks.Training;

/// <summary>
/// The float scalars of one Adam step of one parameter, rounded from double as libtorch rounds the scalars of its
/// float kernels. Used by <see cref="AdamKernel"/>; introduced with <see cref="FusedAdam"/> in notebook 02-vanilla-gan.
/// </summary>
internal readonly record struct AdamCoefficients(
    float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2, float RootOfCorrection2, float Epsilon, float NegativeStepSize)
{
    /// <summary>The coefficients of step <paramref name="step"/> (1 for the first) with learning rate <paramref name="learningRate"/>.</summary>
    public static AdamCoefficients For(double learningRate, double beta1, double beta2, double epsilon, long step)
    {
        double correction1 = 1 - Math.Pow(beta1, step);
        double correction2 = 1 - Math.Pow(beta2, step);
        return new AdamCoefficients((float)beta1, (float)(1 - beta1), (float)beta2, (float)(1 - beta2),
            (float)Math.Sqrt(correction2), (float)epsilon, (float)-(learningRate / correction1));
    }
}
