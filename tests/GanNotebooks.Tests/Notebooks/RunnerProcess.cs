using System.Collections.Concurrent;
using System.Diagnostics;

namespace GanNotebooks.Tests.Notebooks;

/// <summary><c>dotnet gan.dll run --output … [options] notebooks</c> as a child process, its output collected line by line.</summary>
public sealed class RunnerProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly ConcurrentQueue<string> _all = new();

    /// <summary>
    /// Starts <c>gan run</c> on <paramref name="notebooks"/> with extra <paramref name="options"/> (e.g. <c>--cell-timeout 2m</c>),
    /// through <c>env --default-signal=INT</c> (which then runs dotnet in its own place, same PID): a shell without
    /// job control starts background commands with Ctrl-C's signal ignored and children inherit that, so tests started
    /// that way would otherwise signal a runner that cannot hear them.
    /// </summary>
    public RunnerProcess(ScratchNotebooks scratch, IReadOnlyList<string> notebooks, params string[] options)
    {
        var start = new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = scratch.RepoRoot };
        foreach (var arg in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "gan.dll"), "run", "--output", scratch.Output }.Concat(options).Concat(notebooks))
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data is null ? null : "stderr: " + e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything printed so far, standard error lines prefixed with "stderr: ".</summary>
    public string Output => string.Join("\n", _all);

    /// <summary>Waits (up to 90 s) for a line containing <paramref name="text"/>.</summary>
    public void WaitForLine(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && _lines.TryTake(out var line, deadline - DateTime.UtcNow))
            if (line.Contains(text, StringComparison.Ordinal)) return;
        throw new TimeoutException($"gan run never printed '{text}'; it printed:\n{Output}");
    }

    /// <summary>Waits for the process to end, then (up to 10 s) for its output to be read to the end.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return false;
        Task.Run(() => _process.WaitForExit()).Wait(TimeSpan.FromSeconds(10));
        return true;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        _all.Enqueue(line);
        _lines.Add(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
