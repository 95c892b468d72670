namespace GanNotebooks.Cli.Runner;

/// <summary>
/// The time limits one notebook runs under and where each comes from: <c>gan run</c>'s options when given, else the
/// notebook's own metadata (<see cref="NotebookLimitsReader"/>), else the defaults. Part of the headless runner; no
/// notebook uses it.
/// </summary>
/// <param name="CellTimeout">Longest a single cell may run.</param>
/// <param name="CellTimeoutSource">Where <paramref name="CellTimeout"/> comes from.</param>
/// <param name="NotebookTimeout">Longest all cells together may run, from the first cell's start; null for no limit.</param>
/// <param name="NotebookTimeoutSource">Where <paramref name="NotebookTimeout"/> comes from.</param>
public sealed record NotebookLimits(TimeSpan CellTimeout, LimitSource CellTimeoutSource, TimeSpan? NotebookTimeout, LimitSource NotebookTimeoutSource)
{
    /// <summary>The top-level notebook metadata key that holds the limits.</summary>
    public const string MetadataSection = "gan";

    /// <summary>The metadata key (under <see cref="MetadataSection"/>) of the cell limit.</summary>
    public const string CellTimeoutKey = "cell_timeout";

    /// <summary>The metadata key (under <see cref="MetadataSection"/>) of the whole-notebook limit.</summary>
    public const string NotebookTimeoutKey = "notebook_timeout";

    /// <summary>The command-line option of the cell limit.</summary>
    public const string CellTimeoutOption = "--cell-timeout";

    /// <summary>The command-line option of the whole-notebook limit.</summary>
    public const string NotebookTimeoutOption = "--notebook-timeout";

    /// <summary>How durations are written, for messages.</summary>
    public const string Syntax = "minutes (30), or seconds, minutes or hours with a unit (90s, 45m, 2h)";

    /// <summary>The limits for the log, e.g. "30 min a cell, 10 min the notebook; from its metadata: notebook_timeout".</summary>
    public string Summary
    {
        get
        {
            var fromMetadata = new[] { (CellTimeoutSource, CellTimeoutKey), (NotebookTimeoutSource, NotebookTimeoutKey) }
                .Where(limit => limit.Item1 == LimitSource.NotebookMetadata).Select(limit => limit.Item2).ToList();
            return $"{DurationText.Describe(CellTimeout)} a cell, "
                + (NotebookTimeout is { } whole ? $"{DurationText.Describe(whole)} the notebook" : "no limit for the notebook")
                + (fromMetadata.Count > 0 ? "; from its metadata: " + string.Join(", ", fromMetadata) : "");
        }
    }

    /// <summary>Where the cell limit was set and how to allow longer cells.</summary>
    public string CellLimitAdvice() => Advice("cells", CellTimeout, CellTimeoutSource, CellTimeoutOption, CellTimeoutKey);

    /// <summary>Where the whole-notebook limit was set and how to allow the notebook longer.</summary>
    public string NotebookLimitAdvice() =>
        Advice("the notebook", NotebookTimeout ?? TimeSpan.Zero, NotebookTimeoutSource, NotebookTimeoutOption, NotebookTimeoutKey);

    private static string Advice(string what, TimeSpan limit, LimitSource source, string option, string key)
    {
        var metadata = $"\"{MetadataSection}\": {{\"{key}\": …}} in the notebook's metadata";
        var limitText = DurationText.Describe(limit);
        return source switch
        {
            LimitSource.CommandLine => $"The limit of {limitText} was given with gan run {option}; to allow {what} longer, give more: {Syntax}.",
            LimitSource.NotebookMetadata => $"The limit of {limitText} is set by {metadata}; to allow {what} longer, raise it there "
                + $"or override it with gan run {option}: {Syntax}.",
            _ => $"The limit of {limitText} is the default; to allow {what} longer, use gan run {option} or {metadata}: {Syntax}.",
        };
    }
}
