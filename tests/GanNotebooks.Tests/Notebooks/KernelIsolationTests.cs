using System.Diagnostics;
using GanNotebooks.Cli.Runner;
using GanNotebooks.IO;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Notebooks;

/// <summary>
/// A kernel started from the kit's kernel spec takes code only from its owner: a local process that does not hold the
/// connection file's key can neither reach the kernel's HTTP API (its SignalR hub runs any code it is sent) nor run code
/// through the Jupyter ports with a wrong signature (.NET Interactive itself does not check signatures). Driven by
/// <c>kernel_intruder.py</c> through Jupyter's own client library, against the real kernel.
/// </summary>
public sealed class KernelIsolationTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Findings = new(RunIntruder);

    private static IReadOnlyDictionary<string, string> RunIntruder()
    {
        using var folder = new TempFolder();
        var jupyter = folder.File("jupyter");
        KernelSpec.Write(jupyter, KitPaths.FindRepoRoot(AppContext.BaseDirectory)!);
        var script = Path.Combine(KitPaths.FindRepoRoot(AppContext.BaseDirectory)!, "tests", "GanNotebooks.Tests", "Notebooks", "kernel_intruder.py");
        var start = new ProcessStartInfo(KernelSpec.Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, jupyter, KernelSpec.Name, folder.File("scratch") }) start.ArgumentList.Add(arg);
        Directory.CreateDirectory(folder.File("scratch"));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the intruder did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"the intruder failed (exit code {process.ExitCode}):\n{output}\n{stderr.Result}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("finding ", StringComparison.Ordinal) && l.Contains(": ", StringComparison.Ordinal))
            .ToDictionary(l => l[8..l.IndexOf(": ", StringComparison.Ordinal)], l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim());
    }

    [RequiresNotebookKernelFact]
    public void Only_the_Jupyter_ports_appear_on_the_machine_and_no_HTTP_API_answers()
    {
        Assert.Equal(Findings.Value["jupyter-ports"], Findings.Value["new-ports"]);
        Assert.Equal("[]", Findings.Value["http-answers"]);
    }

    [RequiresNotebookKernelFact]
    public void A_message_signed_with_a_wrong_key_runs_nothing_and_the_owner_s_runs()
    {
        Assert.Equal("False", Findings.Value["wrong-key-ran-code"]);
        Assert.Equal("True", Findings.Value["owner-ran-code"]);
    }

    [Fact]
    public void The_spec_starts_the_kernel_through_the_launcher_by_absolute_paths()
    {
        using var folder = new TempFolder();
        var file = KernelSpec.Write(folder.Path, KitPaths.FindRepoRoot(AppContext.BaseDirectory)!);
        var argv = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal(KernelSpec.Python, argv[0]);
        Assert.Equal(Path.Combine(folder.Path, "kernels", KernelSpec.Name, KernelSpec.LauncherFileName), argv[1]);
        Assert.True(File.Exists(argv[1]));
        var kernel = argv.Skip(argv.IndexOf("--") + 1).ToList();
        Assert.True(Path.IsPathRooted(kernel[0]) && File.Exists(kernel[0]), kernel[0]);
        Assert.True(Path.IsPathRooted(kernel[1]) && File.Exists(kernel[1]), kernel[1]);
        Assert.Contains("--http-local-only", kernel);
        Assert.Contains("{connection_file}", kernel);
    }
}
