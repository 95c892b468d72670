using System.Diagnostics;
using GanNotebooks.IO;
using GanNotebooks.Tests.Data;
using GanNotebooks.Tests.Notebooks;

namespace GanNotebooks.Tests.EnvironmentSetup;

/// <summary>
/// <c>./gan run</c> sets the machine up by itself where something is missing: with no kit kernel spec in the user's
/// Jupyter folder it runs environment/setup.sh (which registers it), then runs the notebook.
/// </summary>
public sealed class GanScriptSetupTests
{
    private static readonly string Root = KitPaths.FindRepoRoot(AppContext.BaseDirectory)!;

    [RequiresNotebookKernelFact]
    public void Gan_run_registers_the_missing_kernel_spec_itself_and_then_runs_the_notebook()
    {
        using var jupyter = new TempFolder();
        using var artifacts = new TempFolder();
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = Root };
        foreach (var arg in new[] { Path.Combine(Root, "gan"), "run", "--quick", "notebooks/00-setup.ipynb" }) info.ArgumentList.Add(arg);
        info.Environment["JUPYTER_DATA_DIR"] = jupyter.Path;
        info.Environment[KitPaths.ArtifactsDirVariable] = artifacts.Path;
        info.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(8)), "gan run did not finish in 8 minutes");
        var all = output + error.Result;
        Assert.True(process.ExitCode == 0, all);
        Assert.Contains("Setting the machine up first (environment/setup.sh)", all);
        Assert.True(File.Exists(Path.Combine(jupyter.Path, "kernels", ".net-csharp", "kernel_launcher.py")), all);
        Assert.Contains("Notebooks: 1 passed, 0 failed", all);
        Assert.True(File.Exists(Path.Combine(artifacts.Path, "executed", "00-setup.ipynb")));
    }
}
