namespace GanNotebooks.Metrics;

/// <summary>
/// How well a conditional generator draws one requested class, judged by the evaluation classifier: one row of a
/// <see cref="PerClassReport"/>. Introduced in notebook 05-conditional-gan.
/// </summary>
/// <param name="Class">The requested class (index).</param>
/// <param name="Name">Its name, e.g. "7" or "Sneaker".</param>
/// <param name="Samples">Number of samples requested for this class.</param>
/// <param name="LabelAccuracy">Share of those samples the classifier assigns to the requested class.</param>
/// <param name="FrechetDistance">Fréchet distance between their features and those of the reference images of the same class.</param>
/// <param name="Precision">k-NN precision against the reference images of the class: share of samples that look like real ones.</param>
/// <param name="Recall">k-NN recall: share of the class's real images whose neighbourhood the samples reach (coverage of the class's variety).</param>
/// <param name="MostConfusedWith">The class most often seen instead of the requested one, or null when every sample was classified as requested.</param>
/// <param name="Mistakes">Number of samples classified as another class.</param>
public sealed record ClassScore(
    int Class, string Name, int Samples, double LabelAccuracy, double FrechetDistance, double Precision, double Recall,
    int? MostConfusedWith, int Mistakes);
