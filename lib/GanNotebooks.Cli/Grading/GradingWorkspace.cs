namespace GanNotebooks.Cli.Grading;

/// <summary>
/// The private temporary folders of one run of a submitted notebook: <c>work/</c>, the kernel's world (the
/// submission's notebook under <c>work/notebooks/</c>, its working directory; <c>work/build/notebook</c>, a link to
/// the built library, so the notebooks' <c>#r "../build/notebook/…"</c> lines work; a copy of the tool manifest that
/// starts the kernel; <c>work/artifacts/</c> for what the notebook writes) and <c>private/</c> (the hidden cells, read
/// and deleted by the executor before the kernel starts, and the executed notebook) and <c>runtime/</c> (the kernel's
/// connection file). Deleted on dispose.
/// </summary>
public sealed class GradingWorkspace : IDisposable
{
    /// <summary>Creates the folders for <paramref name="notebookName"/> (a file name) next to nothing of the repository's.</summary>
    public GradingWorkspace(string repoRoot, string notebookName, bool sandboxed = false)
    {
        Root = Directory.CreateTempSubdirectory("gan-grade-").FullName;   // owner-only permissions
        Work = Path.Combine(Root, "work");
        var notebooks = Path.Combine(Work, "notebooks");
        Directory.CreateDirectory(notebooks);
        Directory.CreateDirectory(Path.Combine(Work, "build"));
        Library = Path.Combine(Work, "build", "notebook");
        if (sandboxed) Directory.CreateDirectory(Library);
        else Directory.CreateSymbolicLink(Library, Path.Combine(repoRoot, "build", "notebook"));
        Artifacts = Path.Combine(Work, "artifacts");
        Directory.CreateDirectory(Artifacts);
        if (sandboxed && Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
            foreach (var folder in new[] { Work, notebooks, Artifacts })   // the root folder above stays owner-only
                File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        Private = Path.Combine(Root, "private");
        Directory.CreateDirectory(Private);
        Runtime = Path.Combine(Root, "runtime");
        Directory.CreateDirectory(Runtime);
        JupyterPath = Path.Combine(Private, "jupyter");
        NotebookPath = Path.Combine(notebooks, notebookName);
        HiddenCellsPath = Path.Combine(Private, "hidden-cells.json");
        ExecutedFolder = Path.Combine(Private, "executed");
        KernelOutputPath = Path.Combine(Private, "kernel-output.log");
    }

    /// <summary>The workspace's root folder.</summary>
    public string Root { get; }

    /// <summary>The kernel's world.</summary>
    public string Work { get; }

    /// <summary>Where the notebooks' <c>#r "../build/notebook/…"</c> find the built library.</summary>
    public string Library { get; }

    /// <summary>Where the notebook's own files go (<c>GAN_ARTIFACTS_DIR</c>).</summary>
    public string Artifacts { get; }

    /// <summary>The grader's files for this run.</summary>
    public string Private { get; }

    /// <summary>Jupyter's runtime folder for this run (the kernel's connection file); the only folder of the grader's the kernel sees.</summary>
    public string Runtime { get; }

    /// <summary>Where this run's kernel spec goes when the kernel runs in a sandbox.</summary>
    public string JupyterPath { get; }

    /// <summary>The submission's cells, as the executor runs them.</summary>
    public string NotebookPath { get; }

    /// <summary>The cells appended after the submission's (deleted by the executor once read).</summary>
    public string HiddenCellsPath { get; }

    /// <summary>Where the executor writes the executed (or partial) notebook.</summary>
    public string ExecutedFolder { get; }

    /// <summary>Where the kernel's own standard output and error go (never the executor's report channel).</summary>
    public string KernelOutputPath { get; }

    /// <summary>Deletes everything, as far as the run left it deletable.</summary>
    public void Dispose()
    {
        try
        {
            var link = new DirectoryInfo(Path.Combine(Work, "build", "notebook"));
            if (link.LinkTarget is not null) link.Delete();   // the link only, never the library behind it
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a kernel that made files undeletable leaves them in the system's temporary folder
        }
    }
}
