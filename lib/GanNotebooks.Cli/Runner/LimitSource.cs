namespace GanNotebooks.Cli.Runner;

/// <summary>Where one of a notebook's time limits comes from. Part of the headless runner; no notebook uses it.</summary>
public enum LimitSource
{
    /// <summary>The runner's default (30 min a cell; no limit for the whole notebook).</summary>
    Default,

    /// <summary>An option given to <c>gan run</c> (<c>--cell-timeout</c>, <c>--notebook-timeout</c>).</summary>
    CommandLine,

    /// <summary>The notebook's own top-level metadata (<c>"gan": {"cell_timeout": …, "notebook_timeout": …}</c>).</summary>
    NotebookMetadata,
}
