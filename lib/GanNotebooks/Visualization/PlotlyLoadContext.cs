using System.Reflection;
using System.Runtime.Loader;

namespace GanNotebooks.Visualization;

/// <summary>
/// The AssemblyLoadContext the Plotly adapter lives in: the adapter's own dependencies (Plotly.NET, FSharp.Core
/// 10.1, ...) come from its folder per its deps.json, whatever the default context already holds; everything else
/// (the framework) comes from the default context.
/// </summary>
internal sealed class PlotlyLoadContext(string adapterPath) : AssemblyLoadContext("GanNotebooks.Charts.Plotly", isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(adapterPath);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
