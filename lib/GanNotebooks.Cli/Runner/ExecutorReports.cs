using System.Diagnostics;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Reads the executor's output lines: its <c>@gan …</c> reports (kernel started, cell started, outcome) and, for a
/// failure message, the last other lines. Thread-safe: standard output and error are read on two tasks.
/// </summary>
internal sealed class ExecutorReports(TextWriter log, IReadOnlyList<int> codeCells)
{
    private const int TailLength = 15;
    private readonly Queue<string> _tail = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private volatile int _kernelProcessGroup;
    private volatile NotebookExecutionOutcome? _outcome;

    /// <summary>The kernel's process group, once it started (0 before).</summary>
    public int KernelProcessGroup => _kernelProcessGroup;

    /// <summary>The outcome line, once it came.</summary>
    public NotebookExecutionOutcome? Outcome => _outcome;

    /// <summary>The last lines that were not reports.</summary>
    public IReadOnlyList<string> LastLines { get { lock (_tail) return _tail.ToArray(); } }

    /// <summary>Reads one line of standard output.</summary>
    public void Read(string line)
    {
        if (!line.StartsWith(NotebookExecutionOutcome.LinePrefix, StringComparison.Ordinal))
        {
            Keep(line);
            return;
        }
        var words = line[NotebookExecutionOutcome.LinePrefix.Length..].Split(' ', 2);
        var rest = words.Length > 1 ? words[1] : "";
        switch (words[0])
        {
            case "kernel":
                var ids = rest.Split(' ');
                if (ids.Length == 2 && int.TryParse(ids[1], out var group)) _kernelProcessGroup = group;
                break;
            case "cell-start" when int.TryParse(rest, out var cell):
                var ordinal = IndexOf(cell) + 1;
                lock (log)
                    log.WriteLine($"    cell {cell} (code cell {ordinal}/{codeCells.Count}) started at {NotebookRunner.Format(_clock.Elapsed)}");
                break;
            case "outcome":
                _outcome = NotebookExecutionOutcome.Parse(rest);
                break;
        }
    }

    /// <summary>Keeps one line of standard error (or non-report output) for the failure message.</summary>
    public void Keep(string line)
    {
        if (line.Trim().Length == 0) return;
        lock (_tail)
        {
            _tail.Enqueue(line.Length > 300 ? line[..300] : line);
            if (_tail.Count > TailLength) _tail.Dequeue();
        }
    }

    private int IndexOf(int cell)
    {
        for (int i = 0; i < codeCells.Count; i++)
            if (codeCells[i] == cell) return i;
        return -1;
    }
}
