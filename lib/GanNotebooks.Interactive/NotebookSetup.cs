using System.Reflection;
using GanNotebooks.IO;
using Microsoft.DotNet.Interactive;
using static TorchSharp.torch;

namespace GanNotebooks.Interactive;

/// <summary>
/// What every notebook's set-up cell calls after referencing the library: registers the kit's formatters, loads
/// plotly.js once for interactive charts, and reports what the notebook runs on (device, threads, profile, data
/// and artifacts folders). Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class NotebookSetup
{
    /// <summary>Prepares the kernel for the notebook <paramref name="notebookName"/> and returns a summary to display.</summary>
    public static string Initialize(string notebookName)
    {
        KitFormatters.Register();
        var context = KernelInvocationContext.Current;
        if (context is not null && GanNotebooks.Visualization.PlotlyAdapter.IsAvailable)
            context.DisplayAs(GanNotebooks.Visualization.PlotlyAdapter.LoaderScriptHtml, "text/html");
        // Before the notebook's first matrix product: MKL keeps the kernels it starts with.
        var kernels = GanNotebooks.Hardware.CpuKernels.EnsureIfPossible();
        var device = cuda.is_available() ? "cuda" : "cpu";
        var version = typeof(NotebookSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        return $"GanNotebooks {version.Split('+')[0]} · notebook {notebookName} · TorchSharp on {device} with {get_num_threads()} threads · " +
               $"profile {RunProfile.Name} · data {KitPaths.DataRoot} · artifacts {KitPaths.ArtifactsFor(notebookName)}" +
               (kernels is null ? "" : $" · {kernels.Description}");
    }
}
