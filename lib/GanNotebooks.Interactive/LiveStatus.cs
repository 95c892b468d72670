using System.Diagnostics;

namespace GanNotebooks.Interactive;

/// <summary>
/// A one-line status that replaces itself in place while a long cell runs: pass it wherever the library takes an
/// <see cref="IProgress{T}"/> of strings (e.g. <c>ExperimentGrid.Run</c>). Each report is shown at once, on the
/// calling thread, prefixed by the time since the status was created. Introduced in notebook 03-optimizers.
/// </summary>
public sealed class LiveStatus : IProgress<string>
{
    private readonly LiveDisplay display = new("text/plain");
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>The latest line reported, or null before the first.</summary>
    public string? Latest { get; private set; }

    /// <summary>Shows <paramref name="value"/> in place of the previous line.</summary>
    public void Report(string value)
    {
        Latest = value;
        display.Show($"{clock.Elapsed:m\\:ss} · {value}");
    }
}
