using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Diagnostics;

/// <summary>
/// Checks that the data sets are fetched and intact (SHA-256 against the catalog, or SOURCE.json for a subset), and
/// says when MNIST is the offline subset. Introduced in notebook 00-setup.
/// </summary>
/// <param name="names">The data sets to check.</param>
/// <param name="verify">Verifies one data set (default: <see cref="DataVerifier.Verify"/> in the kit's data folder).</param>
public sealed class DataSetsCheck(IReadOnlyList<DataSetName> names, Func<DataSetName, VerificationReport> verify) : IDoctorCheck
{
    /// <inheritdoc />
    public string Name => "Data sets";

    /// <summary>The check of every data set in <paramref name="dataRoot"/> (default: the kit's data folder).</summary>
    public DataSetsCheck(string? dataRoot = null) : this(DataSetNames.All, name => DataVerifier.Verify(name, dataRoot)) { }

    /// <inheritdoc />
    public CheckResult Run()
    {
        var reports = names.Select(verify).ToList();
        var broken = reports.Where(r => !r.Ok && !r.Absent).ToList();
        if (broken.Count > 0)
        {
            var details = broken.SelectMany(r => r.Files.Where(f => !f.Ok).Select(f => $"{r.Folder}/{f.FileName}: {f.Detail}"));
            return CheckResult.Fail(Name, "Damaged or incomplete: " + string.Join("; ", details) + ".",
                $"Delete the named files and run ./gan data fetch {(broken.Count == 1 ? broken[0].Name.ToKey() : "all")}.");
        }
        var present = reports.Where(r => r.Ok).Select(Describe).ToList();
        var absent = reports.Where(r => r.Absent).Select(r => r.Name.ToKey()).ToList();
        var found = present.Count > 0 ? "Verified: " + string.Join("; ", present) + "." : "No data set fetched yet.";
        if (absent.Count > 0)
            return CheckResult.Warn(Name, $"{found} Not fetched: {string.Join(", ", absent)}.",
                "Run ./gan data fetch all (./gan run fetches MNIST by itself; a notebook opened in VS Code or Jupyter does not).");
        return CheckResult.Pass(Name, found);
    }

    private static string Describe(VerificationReport report)
    {
        var name = report.Name.ToDisplayName();
        return report.Source is { IsSubset: true } source
            ? $"{name} (SUBSET from {source.Kind}: {source.TrainCount:N0} train / {source.TestCount:N0} test images)"
            : $"{name} (complete)";
    }
}
