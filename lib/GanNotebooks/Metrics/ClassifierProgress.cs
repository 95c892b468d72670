namespace GanNotebooks.Metrics;

/// <summary>
/// Where the training of an evaluation classifier stands, reported through <see cref="IProgress{T}"/> after every
/// training step. Introduced in notebook 07-evaluating-gans.
/// </summary>
/// <param name="Epoch">The current epoch, from 1.</param>
/// <param name="Epochs">Number of epochs.</param>
/// <param name="Step">Steps done in this epoch, from 1.</param>
/// <param name="StepsPerEpoch">Steps in one epoch.</param>
/// <param name="Loss">Cross-entropy of the last batch.</param>
public sealed record ClassifierProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, double Loss)
{
    /// <summary>Share of the whole training done, in [0, 1].</summary>
    public double Fraction => ((Epoch - 1) * (double)StepsPerEpoch + Step) / ((double)Epochs * StepsPerEpoch);

    /// <summary>A one-line description, e.g. "epoch 2/3, step 120/469, loss 0.1234".</summary>
    public override string ToString() => $"epoch {Epoch}/{Epochs}, step {Step}/{StepsPerEpoch}, loss {Loss:F4}";
}
