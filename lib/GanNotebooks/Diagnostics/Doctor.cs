using GanNotebooks.IO;

namespace GanNotebooks.Diagnostics;

/// <summary>
/// The kit's set-up check (<c>gan doctor</c>, notebook 00): runs one check per concern and collects the verdicts.
/// A check that throws counts as failed, with its error. Introduced in notebook 00-setup.
/// </summary>
public static class Doctor
{
    /// <summary>Every check, for this machine and the repository at <paramref name="repoRoot"/> (default: <see cref="KitPaths.RepoRoot"/>).</summary>
    public static IReadOnlyList<IDoctorCheck> DefaultChecks(string? repoRoot = null)
    {
        var root = repoRoot ?? KitPaths.RepoRoot;
        return
        [
            new DotnetSdkCheck(Path.Combine(root, "global.json")),
            new CpuKernelsCheck(),   // before any check multiplies a matrix: MKL keeps the kernels of its first product
            new TorchNativeCheck(),
            new CudaCheck(),
            new DataSetsCheck(repoRoot is null ? null : Path.Combine(root, "data")),
            new NbconvertCheck(),
            new KernelSpecCheck(root),
            new InteractiveToolCheck(root),
            new DiskSpaceCheck(
            [
                ("data", repoRoot is null ? KitPaths.DataRoot : Path.Combine(root, "data")),
                ("artifacts", repoRoot is null ? KitPaths.ArtifactsRoot : Path.Combine(root, "artifacts")),
                ("NuGet packages", InteractiveToolCheck.DefaultPackagesFolder()),
            ]),
        ];
    }

    /// <summary>Runs <paramref name="checks"/> (default: <see cref="DefaultChecks"/>) in order.</summary>
    public static DoctorReport Run(IEnumerable<IDoctorCheck>? checks = null)
    {
        var results = new List<CheckResult>();
        foreach (var check in checks ?? DefaultChecks())
        {
            try
            {
                results.Add(check.Run());
            }
            catch (Exception e)
            {
                results.Add(CheckResult.Fail(check.Name, $"The check itself failed: {e.GetType().Name}: {e.Message}", "Report this with the output of ./gan doctor."));
            }
        }
        return new DoctorReport(results);
    }
}
