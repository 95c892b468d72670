namespace GanNotebooks.Tests.Notebooks;

/// <summary>The processes of this machine from /proc, by PID and process group (never by name).</summary>
public static class ProcessTable
{
    /// <summary>Every process now, or null for one that vanished while being read.</summary>
    public static IReadOnlyList<ProcessEntry> Snapshot()
    {
        var entries = new List<ProcessEntry>();
        foreach (var folder in Directory.GetDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(folder), out var pid) && Read(pid) is { } entry)
                entries.Add(entry);
        return entries;
    }

    /// <summary>The process <paramref name="pid"/>, or null when it is gone.</summary>
    public static ProcessEntry? Read(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so read after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcessEntry(pid, int.Parse(fields[1]), int.Parse(fields[2]), fields[0][0]);
    }

    /// <summary>Whether <paramref name="pid"/> is running (a zombie has ended and only waits to be reaped).</summary>
    public static bool IsRunning(int pid) => Read(pid) is { State: not ('Z' or 'X') };

    /// <summary>Every descendant of <paramref name="pid"/> now (children, their children, ...).</summary>
    public static IReadOnlyList<ProcessEntry> Descendants(int pid)
    {
        var all = Snapshot();
        var found = new List<ProcessEntry>();
        var parents = new Queue<int>([pid]);
        while (parents.TryDequeue(out var parent))
            foreach (var child in all.Where(p => p.ParentPid == parent))
            {
                found.Add(child);
                parents.Enqueue(child.Pid);
            }
        return found;
    }

    /// <summary>Running processes whose process group is <paramref name="processGroup"/>.</summary>
    public static IReadOnlyList<ProcessEntry> RunningInGroup(int processGroup) =>
        Snapshot().Where(p => p.ProcessGroup == processGroup && p.State is not ('Z' or 'X')).ToList();

    /// <summary>The process groups of <paramref name="processes"/> other than this process's own (a kernel runs in a group of its own).</summary>
    public static IReadOnlyList<int> OtherGroups(IEnumerable<ProcessEntry> processes)
    {
        var ownGroup = Read(Environment.ProcessId)!.ProcessGroup;
        return processes.Select(p => p.ProcessGroup).Where(g => g != ownGroup).Distinct().ToList();
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> until none of <paramref name="processes"/> and nothing in
    /// <paramref name="groups"/> runs; returns what still runs (empty when all are gone).
    /// </summary>
    public static IReadOnlyList<ProcessEntry> WaitUntilGone(IReadOnlyList<ProcessEntry> processes, IReadOnlyList<int> groups, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = processes.Where(p => IsRunning(p.Pid))
                .Concat(groups.SelectMany(RunningInGroup))
                .DistinctBy(p => p.Pid).ToList();
            if (left.Count == 0 || DateTime.UtcNow > deadline) return left;
            Thread.Sleep(100);
        }
    }
}
