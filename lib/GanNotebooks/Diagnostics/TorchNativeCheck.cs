using GanNotebooks.Build;
using TorchSharp;

namespace GanNotebooks.Diagnostics;

/// <summary>
/// Checks that TorchSharp's native libraries load (a tensor with a backward pass), and explains the most common
/// reason they do not on Debian 12 / Ubuntu 22.04: a libstdc++ older than GLIBCXX_3.4.32, which TorchSharp's
/// <c>libLibTorchSharp.so</c> asks for unless the kit's build marked that requirement weak in its output copy.
/// Introduced in notebook 00-setup.
/// </summary>
/// <param name="loadProbe">Runs a small tensor computation; returns null on success, else the error message.</param>
/// <param name="libTorchSharpPath">The <c>libLibTorchSharp.so</c> beside the loaded <c>TorchSharp.dll</c>, or null.</param>
/// <param name="libstdcxxPath">The system's <c>libstdc++.so.6</c>, or null.</param>
public sealed class TorchNativeCheck(Func<string?> loadProbe, string? libTorchSharpPath, string? libstdcxxPath) : IDoctorCheck
{
    /// <summary>The version requirement the kit's build relaxes (see lib/Build/LibTorchSharpFix.targets).</summary>
    public const string RelaxedVersion = "GLIBCXX_3.4.32";

    /// <summary>Where the system's libstdc++ is looked for, in order (the same list the build uses).</summary>
    public static readonly IReadOnlyList<string> LibstdcxxCandidates =
        ["/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6"];

    /// <inheritdoc />
    public string Name => "TorchSharp natives";

    /// <summary>The check for this process: the loaded TorchSharp, its output folder and the system's libstdc++.</summary>
    public TorchNativeCheck() : this(ProbeTensorMath, FindLibTorchSharp(), LibstdcxxCandidates.FirstOrDefault(File.Exists)) { }

    /// <inheritdoc />
    public CheckResult Run()
    {
        var (lacksRelaxed, needsRelaxedStrongly, otherMissing) = AnalyseElf();
        var error = loadProbe();
        var fixedNote = lacksRelaxed && !needsRelaxedStrongly
            ? $" The system's libstdc++ lacks {RelaxedVersion}; the build marked that requirement weak in this copy of libLibTorchSharp.so, as intended."
            : "";
        if (error is null)
            return CheckResult.Pass(Name, $"Loaded (a tensor, a backward pass) from {Folder()}.{fixedNote}");
        if (needsRelaxedStrongly)
            return CheckResult.Fail(Name,
                $"Natives failed to load: {libstdcxxPath} lacks {RelaxedVersion} and {libTorchSharpPath} still requires it (this copy was not fixed by the kit's build).",
                "Run ./gan build and load the library from build/notebook/ as the notebooks do (not #r \"nuget: TorchSharp\"); or use a newer libstdc++6 (Debian 13, Ubuntu 24.04).");
        if (otherMissing.Count > 0)
            return CheckResult.Fail(Name,
                $"Natives failed to load: {libTorchSharpPath} needs {string.Join(", ", otherMissing)}, which {libstdcxxPath} lacks.",
                "Only GLIBCXX_3.4.32 can be relaxed safely: use a newer system (Debian 13, Ubuntu 24.04) or the devcontainer (.devcontainer/).");
        return CheckResult.Fail(Name, $"Natives failed to load from {Folder()}: {error}",
            "Run ./gan build and load the library from build/notebook/. If Debian's python3-torch is installed, do not put /usr/lib's libtorch on LD_LIBRARY_PATH. See README \"Troubleshooting\".");
    }

    private string Folder() => libTorchSharpPath is null ? "(TorchSharp's folder)" : Path.GetDirectoryName(libTorchSharpPath)!;

    private (bool LacksRelaxed, bool NeedsRelaxedStrongly, IReadOnlyList<string> OtherMissing) AnalyseElf()
    {
        if (libTorchSharpPath is null || libstdcxxPath is null || !File.Exists(libTorchSharpPath) || !File.Exists(libstdcxxPath))
            return (false, false, []);
        try
        {
            var provided = GlibcxxVersionNeedWeakener.ProvidedGlibcxxVersions(File.ReadAllBytes(libstdcxxPath));
            var missing = GlibcxxVersionNeedWeakener.MissingVersions(File.ReadAllBytes(libTorchSharpPath), provided);
            return (!provided.Contains(RelaxedVersion), missing.Contains(RelaxedVersion), missing.Where(m => m != RelaxedVersion).ToList());
        }
        catch (InvalidDataException)
        {
            return (false, false, []);
        }
    }

    /// <summary>The <c>libLibTorchSharp.so</c> beside the loaded <c>TorchSharp.dll</c> (flat or under runtimes/), or null.</summary>
    public static string? FindLibTorchSharp()
    {
        var folder = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (string.IsNullOrEmpty(folder))
            return null;
        return new[] { Path.Combine(folder, "libLibTorchSharp.so"), Path.Combine(folder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so") }
            .FirstOrDefault(File.Exists);
    }

    /// <summary>A tensor, a product and a backward pass; null when it worked, else the error (innermost message).</summary>
    public static string? ProbeTensorMath()
    {
        try
        {
            using var scope = torch.NewDisposeScope();
            var x = torch.ones(3, requires_grad: true);
            (x * x).sum().backward();
            return x.grad is not null && x.grad.sum().item<float>() == 6f ? null : "the gradient of sum(x*x) at x=1 was not 2 per element";
        }
        catch (Exception e)
        {
            var inner = e;
            while (inner.InnerException is not null)
                inner = inner.InnerException;
            return inner.Message;
        }
    }
}
