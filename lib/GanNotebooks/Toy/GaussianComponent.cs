namespace GanNotebooks.Toy;

/// <summary>One bump of a <see cref="GaussianMixture1D"/>. Introduced in notebook 01-minimax-objective.</summary>
/// <param name="Weight">Its share of the probability mass (the mixture normalises the weights).</param>
/// <param name="Mean">Its centre.</param>
/// <param name="Std">Its standard deviation, greater than 0.</param>
public sealed record GaussianComponent(double Weight, double Mean, double Std);
