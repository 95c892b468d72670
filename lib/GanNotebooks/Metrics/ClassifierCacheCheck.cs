namespace GanNotebooks.Metrics;

/// <summary>
/// The outcome of checking a cached evaluation classifier: its <see cref="Status"/>, a sentence saying why, and its
/// manifest when one could be read. Introduced in notebook 07-evaluating-gans.
/// </summary>
/// <param name="Status">Whether the cache can be used.</param>
/// <param name="Reason">Why, in one sentence naming the file.</param>
/// <param name="Manifest">The manifest, when it could be read.</param>
public sealed record ClassifierCacheCheck(ClassifierCacheStatus Status, string Reason, ClassifierManifest? Manifest);
