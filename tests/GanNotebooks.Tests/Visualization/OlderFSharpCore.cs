using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace GanNotebooks.Tests.Visualization;

/// <summary>
/// Stands in for the notebook kernel, which holds an older FSharp.Core (10.0) in the default load context before
/// the kit's library loads: as soon as the test assembly loads, before any test can load the Plotly adapter, this
/// loads the kernel's own FSharp.Core (from the dotnet-interactive tool package that .config/dotnet-tools.json
/// restores into the NuGet cache) into the default context; failing that, the .NET SDK's (the F# compiler's).
/// </summary>
internal static class OlderFSharpCore
{
    /// <summary>The FSharp.Core loaded into the default context, or null when none was found.</summary>
    public static Assembly? Preloaded { get; private set; }

#pragma warning disable CA2255 // A module initializer is the one way to run before every test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Preload()
    {
        var path = FindKernelFSharpCore() ?? FindSdkFSharpCore();
        if (path is not null)
            Preloaded = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    private static string? FindKernelFSharpCore()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var tool = Path.Combine(packages, "microsoft.dotnet-interactive");
        if (!Directory.Exists(tool))
            return null;
        return Directory.EnumerateFiles(tool, "FSharp.Core.dll", SearchOption.AllDirectories)
            .Where(path => AssemblyName.GetAssemblyName(path).Version < new Version(10, 1))
            .Order(StringComparer.Ordinal)
            .LastOrDefault();
    }

    private static string? FindSdkFSharpCore()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> .../dotnet/sdk
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtime)));
        var sdk = root is null ? null : Path.Combine(root, "sdk");
        if (sdk is null || !Directory.Exists(sdk))
            return null;
        return Directory.EnumerateDirectories(sdk)
            .Select(version => Path.Combine(version, "FSharp", "FSharp.Core.dll"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .LastOrDefault();
    }
}
