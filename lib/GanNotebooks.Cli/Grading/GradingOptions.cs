namespace GanNotebooks.Cli.Grading;

/// <summary>Settings of <c>gan grade</c>.</summary>
public sealed record GradingOptions
{
    /// <summary>The repository root (holds build/notebook/, the kernel's tool manifest and, by default, the notebooks).</summary>
    public required string RepoRoot { get; init; }

    /// <summary>The folder of the instructor's notebooks, the only source of the hidden tests. Default <c>notebooks/</c>.</summary>
    public string? SourceFolder { get; init; }

    /// <summary>Where the gradebook, the reports and the executed submissions go.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>How long one run of a submitted notebook may take, its cells and the hidden tests together. Default 10 min.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one cell may run; a cell that runs longer is skipped in a further run. Default 3 min.</summary>
    public TimeSpan CellTimeLimit { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How many runs one submitted notebook may get, each skipping the cell that stopped the one before. Default 3.</summary>
    public int MaximumRuns { get; init; } = 3;

    /// <summary>Resident memory the kernel's process group may use, in bytes. Default 4 GiB.</summary>
    public long MemoryLimitBytes { get; init; } = 4L << 30;

    /// <summary>Run the notebooks with the quick profile (fewer training steps). Default true.</summary>
    public bool Quick { get; init; } = true;

    /// <summary>
    /// Run each kernel in a bubblewrap sandbox when <c>bwrap</c> is installed (<see cref="SandboxedKernelSpec"/>).
    /// Default true; without bubblewrap the kernel runs unconfined and changed files are only reported.
    /// </summary>
    public bool Sandbox { get; init; } = true;

    /// <summary>The folder of instructor notebooks in effect.</summary>
    public string Sources => SourceFolder ?? Path.Combine(RepoRoot, "notebooks");
}
