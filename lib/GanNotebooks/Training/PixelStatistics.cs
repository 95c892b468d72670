namespace GanNotebooks.Training;

/// <summary>
/// Mean and standard deviation of pixel values (in [-1, 1]) of generated and of real images at one step: a cheap
/// first check that the generator's output matches the data's brightness and contrast. Introduced in notebook
/// 02-vanilla-gan.
/// </summary>
/// <param name="Step">Training steps completed.</param>
/// <param name="GeneratedMean">Mean pixel of the generated batch.</param>
/// <param name="GeneratedStd">Standard deviation of the generated pixels.</param>
/// <param name="RealMean">Mean pixel of the real batch.</param>
/// <param name="RealStd">Standard deviation of the real pixels.</param>
public readonly record struct PixelStatistics(long Step, float GeneratedMean, float GeneratedStd, float RealMean, float RealStd);
