namespace GanNotebooks.Data.Fetching;

/// <summary>The verdict on one file of a data set. Introduced in notebook 02-vanilla-gan.</summary>
/// <param name="FileName">The file's name.</param>
/// <param name="Ok">True when the file is intact.</param>
/// <param name="Detail">What matched, or what is wrong.</param>
public sealed record FileVerification(string FileName, bool Ok, string Detail);
