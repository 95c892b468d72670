namespace GanNotebooks.Metrics;

/// <summary>The state of a cached evaluation classifier. Introduced in notebook 07-evaluating-gans.</summary>
public enum ClassifierCacheStatus
{
    /// <summary>The weights match the manifest, which matches the data and options: it can be loaded.</summary>
    Valid,

    /// <summary>There is no cached classifier (or only part of one).</summary>
    Missing,

    /// <summary>The data set, the options or the network layout changed since it was trained.</summary>
    Stale,

    /// <summary>The weights do not match their checksum, or the manifest or weights cannot be read.</summary>
    Corrupt,
}
