namespace GanNotebooks.Cli.Runner;

/// <summary>Settings of a headless notebook run.</summary>
public sealed record RunnerOptions
{
    /// <summary>The repository root (holds notebooks/, build/, artifacts/).</summary>
    public required string RepoRoot { get; init; }

    /// <summary>Where executed copies go. Default: <c>executed/</c> in the artifacts folder (<see cref="GanNotebooks.IO.KitPaths.ArtifactsRoot"/>).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Run with the quick profile (GAN_PROFILE=quick): fewer steps, same code.</summary>
    public bool Quick { get; init; }

    /// <summary>The cell limit when neither the command line nor the notebook's metadata sets one: 30 minutes.</summary>
    public static TimeSpan DefaultCellTimeout { get; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Longest a single cell may run (whole seconds, at least 1), as given on the command line: it wins over a
    /// notebook's own <c>gan.cell_timeout</c> metadata. Null: the notebook's own, else <see cref="DefaultCellTimeout"/>.
    /// A cell that runs longer ends the run; the notebook executed so far is kept as <c>&lt;name&gt;.partial.ipynb</c>.
    /// </summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>
    /// Longest all cells of one notebook together may run (whole seconds, counted from the first cell's start), as
    /// given on the command line: it wins over a notebook's own <c>gan.notebook_timeout</c> metadata. Null: the
    /// notebook's own, else no limit. When it passes, the running cell is stopped and the partial notebook kept.
    /// </summary>
    public TimeSpan? NotebookTimeout { get; init; }

    /// <summary>
    /// The Python that runs the notebook executor; it needs nbclient and nbformat. Default: Debian's
    /// <c>/usr/bin/python3</c>, where <c>environment/setup.sh</c> installs python3-nbclient.
    /// </summary>
    public string PythonCommand { get; init; } = "/usr/bin/python3";

    /// <summary>The default of <see cref="StopGracePeriod"/>: 10 s.</summary>
    public static readonly TimeSpan DefaultStopGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a run waits, once the executor has exited, for its output pipes to close (a kernel still running holds
    /// them open) before it kills the kernel's process group: 5 s.
    /// </summary>
    public static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a stopped run (Ctrl-C, SIGTERM) waits for the executor to save the partial notebook and shut the
    /// kernel down before it kills both. Default <see cref="DefaultStopGracePeriod"/>.
    /// </summary>
    public TimeSpan StopGracePeriod { get; init; } = DefaultStopGracePeriod;

    /// <summary>The resolved output folder.</summary>
    public string Output => OutputDirectory ?? Path.Combine(GanNotebooks.IO.KitPaths.ArtifactsRoot, "executed");

    /// <summary>
    /// Also check each executed notebook as a test would: at least <see cref="MinimumPictures"/> pictures, a static
    /// image beside every interactive chart, and readable sample files where the notebook exported them.
    /// </summary>
    public bool Check { get; init; }

    /// <summary>Pictures an executed notebook must hold under <see cref="Check"/>. Default 3.</summary>
    public int MinimumPictures { get; init; } = 3;

    /// <summary>
    /// Extra environment variables for the executor and the kernel it starts (e.g. <c>gan grade</c>'s data folder and
    /// heap limit). Default none.
    /// </summary>
    public IReadOnlyDictionary<string, string> KernelEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Extra arguments for the notebook executor (<c>gan grade</c>'s <c>--hidden-cells</c> and <c>--memory-limit-mb</c>).
    /// Default none.
    /// </summary>
    public IReadOnlyList<string> ExecutorArguments { get; init; } = [];
}
