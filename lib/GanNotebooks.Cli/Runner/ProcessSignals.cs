using System.Runtime.InteropServices;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// POSIX signals for the headless runner (<c>gan run</c>): passes a stop request on to the notebook executor and
/// kills a kernel's whole process group (SIGKILL) when the executor could not. Linux and macOS only; no notebook uses it.
/// </summary>
public static class ProcessSignals
{
    /// <summary>SIGHUP, sent when the terminal closes.</summary>
    public const int Hangup = 1;

    /// <summary>SIGINT, what Ctrl-C sends.</summary>
    public const int Interrupt = 2;

    /// <summary>SIGKILL, which cannot be caught.</summary>
    public const int Kill = 9;

    /// <summary>SIGTERM, the polite request to stop.</summary>
    public const int Terminate = 15;

    /// <summary>Sends <paramref name="signal"/> to process <paramref name="pid"/>; false when there is no such process.</summary>
    public static bool Send(int pid, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pid, 1);
        return SendSignal(pid, signal) == 0;
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to every process of group <paramref name="pgid"/>; false when the group is empty.
    /// Refuses the caller's own group, which would signal the caller too.
    /// </summary>
    public static bool SendToGroup(int pgid, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pgid, 2);
        if (pgid == GetProcessGroup(0))
            throw new ArgumentException($"Process group {pgid} is this process's own group.", nameof(pgid));
        return SendSignal(-pgid, signal) == 0;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    [DllImport("libc", EntryPoint = "getpgid", SetLastError = true)]
    private static extern int GetProcessGroup(int pid);
}
