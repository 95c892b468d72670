namespace GanNotebooks.Training;

/// <summary>
/// Thrown when a loss becomes NaN or infinite. The message names the step, the loss and the usual causes.
/// Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for <paramref name="loss"/> at <paramref name="step"/>.</summary>
    public TrainingDivergedException(long step, string loss, float value)
        : base($"Training diverged at step {step}: {loss} = {value}. Usual causes: a learning rate that is too high " +
               "(try 2e-4 with Adam), the saturating minimax generator loss, or input data outside [-1, 1]. " +
               "That update was not applied: the networks keep the weights they had before it (Loss_G: after this step's discriminator update).")
    {
        Step = step;
        Loss = loss;
    }

    /// <summary>The step at which the loss stopped being finite.</summary>
    public long Step { get; }

    /// <summary>Which loss: "Loss_D" or "Loss_G".</summary>
    public string Loss { get; }
}
