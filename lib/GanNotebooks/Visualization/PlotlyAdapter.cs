using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;

namespace GanNotebooks.Visualization;

/// <summary>
/// Finds and calls the Plotly adapter, <c>plotly/GanNotebooks.Charts.Plotly.dll</c> beside this library. The
/// adapter is built against Plotly.NET 6, which needs FSharp.Core 10.1, while the notebook kernel already holds an
/// older FSharp.Core; so the adapter is loaded once into its own <see cref="AssemblyLoadContext"/> and called by
/// reflection with plain types only. When it is missing or fails to load, charts simply have no interactive form
/// (<see cref="UnavailableReason"/> says why); they always carry a static PNG, which also shows offline.
/// Interactive charts need plotly.js on the page, which is not embedded (3.6 MB a chart): every fragment starts with
/// <see cref="LoaderScriptHtml"/> (which loads plotly.js once per page, a no-op after the first) and draws as soon
/// as plotly.js is there; a notebook layer may also emit the loader once up front. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static partial class PlotlyAdapter
{
    /// <summary>The adapter's folder, beside this library's assembly.</summary>
    public const string FolderName = "plotly";

    /// <summary>The adapter's file name inside <see cref="FolderName"/>.</summary>
    public const string AssemblyFileName = "GanNotebooks.Charts.Plotly.dll";

    /// <summary>The plotly.js version the adapter's HTML is written for (Plotly.NET 6's).</summary>
    public const string PlotlyJsVersion = "2.28.0";

    /// <summary>Where plotly.js is loaded from: the official CDN.</summary>
    public const string PlotlyJsUrl = $"https://cdn.plot.ly/plotly-{PlotlyJsVersion}.min.js";

    private static readonly Lazy<Loaded> s_loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// A script element that loads plotly.js once per page, for the chart fragments that follow it. Where the page
    /// has require.js (classic Jupyter), plotly.js is registered with it as the module <c>plotly</c>, as the
    /// fragments expect; elsewhere it is loaded as a plain script that sets <c>window.Plotly</c>.
    /// </summary>
    public static string LoaderScriptHtml { get; } = $$"""
        <script type="text/javascript">
        (function () {
            if (window.Plotly || window.__ganNotebooksPlotlyLoading) { return; }
            window.__ganNotebooksPlotlyLoading = true;
            if (typeof window.requirejs === "function" && typeof window.requirejs.config === "function") {
                window.requirejs.config({ paths: { plotly: "{{PlotlyJsUrl[..^3]}}" } });
                window.requirejs(["plotly"], function (Plotly) { window.Plotly = Plotly; });
                return;
            }
            var script = document.createElement("script");
            script.src = "{{PlotlyJsUrl}}";
            script.charset = "utf-8";
            document.head.appendChild(script);
        })();
        </script>
        """;

    /// <summary>True when the adapter was found and loaded (loads it on first use).</summary>
    public static bool IsAvailable => s_loaded.Value.Method is not null;

    /// <summary>Why the adapter is not available, or null when it is (loads it on first use).</summary>
    public static string? UnavailableReason => s_loaded.Value.Reason;

    /// <summary>The context the adapter was loaded into, or null when it is not available.</summary>
    public static AssemblyLoadContext? LoadContext => s_loaded.Value.Context;

    /// <summary>The adapter's assembly, or null when it is not available.</summary>
    public static Assembly? AdapterAssembly => s_loaded.Value.Method?.DeclaringType?.Assembly;

    /// <summary>
    /// The HTML fragment (a div and a script) of an interactive line chart, or null when the adapter is not
    /// available or failed (then <paramref name="reason"/> says why). Never throws for a missing adapter.
    /// </summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="xLabel">The x axis title.</param>
    /// <param name="yLabel">The y axis title.</param>
    /// <param name="series">The lines to draw.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="reason">Why there is no HTML, or null.</param>
    public static string? TryLineChartHtml(
        string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, int width, int height, out string? reason)
    {
        var loaded = s_loaded.Value;
        if (loaded.Method is null)
        {
            reason = loaded.Reason;
            return null;
        }
        object[] arguments =
        [
            title, xLabel, yLabel,
            series.Select(s => s.Name).ToArray(),
            series.Select(s => s.X).ToArray(),
            series.Select(s => s.Y).ToArray(),
            width, height,
        ];
        try
        {
            reason = null;
            var html = (string?)loaded.Method.Invoke(null, arguments);
            return html is null ? null : LoaderScriptHtml + DrawWhenPlotlyIsLoaded(html);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            reason = $"The Plotly adapter failed: {e.InnerException.GetType().Name}: {e.InnerException.Message}";
            return null;
        }
    }

    /// <summary>
    /// Plotly.NET's fragment calls <c>renderPlotly_ID()</c> at once, which needs <c>window.Plotly</c> already; this
    /// makes it wait (up to a minute) for the loader instead. A fragment of another shape is left as it is.
    /// </summary>
    private static string DrawWhenPlotlyIsLoaded(string html) =>
        RenderCall().Replace(html, match =>
            $"(function (tries) {{ var draw = function () {{ if (window.Plotly) {{ {match.Groups[1].Value}(); }} " +
            $"else if (tries-- > 0) {{ setTimeout(draw, 100); }} }}; draw(); }})(600);{match.Groups[2].Value}", 1);

    private static Loaded Load()
    {
        var here = typeof(PlotlyAdapter).Assembly.Location;
        var folder = string.IsNullOrEmpty(here) ? AppContext.BaseDirectory : Path.GetDirectoryName(here)!;
        var path = Path.Combine(folder, FolderName, AssemblyFileName);
        if (!File.Exists(path))
            return new(null, null, $"The Plotly adapter is missing: {path} does not exist (build the solution to make it).");
        try
        {
            var context = new PlotlyLoadContext(path);
            var assembly = context.LoadFromAssemblyPath(path);
            var method = assembly.GetType("GanNotebooks.Charts.Plotly.PlotlyCharts", throwOnError: true)!
                .GetMethod("LineChartHtml", BindingFlags.Public | BindingFlags.Static)
                ?? throw new MissingMethodException("GanNotebooks.Charts.Plotly.PlotlyCharts", "LineChartHtml");
            return new(context, method, null);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or MissingMethodException or ArgumentException)
        {
            return new(null, null, $"The Plotly adapter at {path} could not be loaded: {e.GetType().Name}: {e.Message}");
        }
    }

    [GeneratedRegex(@"(renderPlotly_[0-9A-Za-z]+)\(\);(\s*</script>)")]
    private static partial Regex RenderCall();

    private sealed record Loaded(AssemblyLoadContext? Context, MethodInfo? Method, string? Reason);
}
