using System.Runtime.Loader;
using GanNotebooks.Visualization;

namespace GanNotebooks.Tests.Visualization;

public class PlotlyAdapterTests
{
    private static readonly ChartSeries[] Series =
        [new("generator loss", [0, 1, 2], [2.5, 1.25, 0.625]), new("discriminator loss", [0, 1, 2], [0.5, 0.75, 0.875])];

    [Fact]
    public void AdapterIsCopiedBesideTheLibrary()
    {
        var folder = Path.GetDirectoryName(typeof(PlotlyAdapter).Assembly.Location)!;
        Assert.True(File.Exists(Path.Combine(folder, PlotlyAdapter.FolderName, PlotlyAdapter.AssemblyFileName)));
        Assert.True(File.Exists(Path.Combine(folder, PlotlyAdapter.FolderName, "GanNotebooks.Charts.Plotly.deps.json")));
        // The core library itself does not depend on Plotly.NET or FSharp.Core.
        Assert.False(File.Exists(Path.Combine(folder, "Plotly.NET.dll")));
        Assert.False(File.Exists(Path.Combine(folder, "FSharp.Core.dll")));
    }

    [Fact]
    public void HtmlContainsTheSeriesNamesAndData()
    {
        var html = PlotlyAdapter.TryLineChartHtml("Losses", "step", "loss", Series, 700, 400, out var reason);
        Assert.True(html is not null, reason);
        Assert.Null(reason);
        foreach (var text in new[] { "generator loss", "discriminator loss", "2.5", "0.625", "0.875", "Losses", "step", "Plotly.newPlot" })
            Assert.Contains(text, html);
    }

    [Fact]
    public void AdapterAndItsFSharpCoreLiveInTheirOwnLoadContext()
    {
        Assert.True(PlotlyAdapter.IsAvailable, PlotlyAdapter.UnavailableReason);
        PlotlyAdapter.TryLineChartHtml("t", "x", "y", Series, 300, 200, out _);
        var context = PlotlyAdapter.LoadContext;
        Assert.NotNull(context);
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(PlotlyAdapter.AdapterAssembly!));

        var fsharp = context.Assemblies.SingleOrDefault(a => a.GetName().Name == "FSharp.Core");
        Assert.NotNull(fsharp);
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(fsharp));
        Assert.Equal(new Version(10, 1, 0, 0), fsharp.GetName().Version);
        Assert.Contains(context.Assemblies, a => a.GetName().Name == "Plotly.NET");
        // Nothing of the adapter leaked into the default context.
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name is "Plotly.NET" or "GanNotebooks.Charts.Plotly");
    }

    [Fact]
    public void WorksWhenTheDefaultContextAlreadyHoldsAnOlderFSharpCore()
    {
        // OlderFSharpCore loaded the SDK's FSharp.Core into the default context before any test ran.
        var preloaded = OlderFSharpCore.Preloaded;
        Assert.NotNull(preloaded);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(preloaded));
        // Older than the adapter's (10.1) when the kernel's FSharp.Core is in the NuGet cache (dotnet tool restore).
        var kernelsIsThere = preloaded.GetName().Version < new Version(10, 1);
        Assert.True(kernelsIsThere || preloaded.Location.Contains("/sdk/"), preloaded.Location);

        var html = PlotlyAdapter.TryLineChartHtml("After preload", "x", "y", Series, 300, 200, out var reason);
        Assert.True(html is not null, reason);
        Assert.Contains("generator loss", html);
        var adapterFSharp = PlotlyAdapter.LoadContext!.Assemblies.Single(a => a.GetName().Name == "FSharp.Core");
        Assert.NotSame(preloaded, adapterFSharp);
        Assert.Equal(new Version(10, 1, 0, 0), adapterFSharp.GetName().Version);
    }

    [Fact]
    public void FragmentLoadsPlotlyJsAndWaitsForItBeforeDrawing()
    {
        var html = PlotlyAdapter.TryLineChartHtml("t", "x", "y", Series, 300, 200, out var reason);
        Assert.True(html is not null, reason);
        Assert.StartsWith(PlotlyAdapter.LoaderScriptHtml, html);
        Assert.Contains("if (window.Plotly) { renderPlotly_", html);
        Assert.DoesNotContain("plotly.min.js\"></script>", html); // plotly.js itself is not embedded
        Assert.True(html.Length < 20_000, $"{html.Length} characters");
    }

    [Fact]
    public void LoaderScriptLoadsPlotlyJsOnceFromTheCdn()
    {
        var script = PlotlyAdapter.LoaderScriptHtml;
        Assert.StartsWith("<script", script);
        Assert.Contains(PlotlyAdapter.PlotlyJsUrl, script);
        Assert.Contains("requirejs", script);
        Assert.Contains("window.Plotly", script);
    }
}
