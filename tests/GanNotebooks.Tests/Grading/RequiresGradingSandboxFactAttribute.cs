using GanNotebooks.Cli.Grading;
using GanNotebooks.Tests.Notebooks;

namespace GanNotebooks.Tests.Grading;

/// <summary>A fact about <c>gan grade</c>'s sandbox: needs the notebook kernel and bubblewrap (environment/setup.sh installs both).</summary>
public sealed class RequiresGradingSandboxFactAttribute : FactAttribute
{
    public RequiresGradingSandboxFactAttribute()
    {
        Skip = new RequiresNotebookKernelFactAttribute().Skip
            ?? (SandboxedKernelSpec.BubblewrapPath is null ? "bubblewrap (bwrap) is not installed: no sandbox; install it with: environment/setup.sh" : null);
    }
}
