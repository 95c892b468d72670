using System.Runtime.InteropServices;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// Turns Ctrl-C (SIGINT), SIGTERM and SIGHUP into a cancellation of <c>gan run</c>, remembering which signal came so
/// that the runner passes the same one on to the notebook executor (which names it in the partial notebook). The
/// process is not terminated by the signal: the runner shuts the kernel down and exits by itself. Part of the
/// headless runner; no notebook uses it.
/// </summary>
public sealed class StopSignalListener : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    /// <summary>Starts listening.</summary>
    public StopSignalListener()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Receive(context, ProcessSignals.Interrupt)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Receive(context, ProcessSignals.Terminate)),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Receive(context, ProcessSignals.Hangup)),
        ];
    }

    /// <summary>Cancelled when the first of the signals arrives (after <see cref="Received"/> is set).</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The first signal that arrived, or <see cref="ProcessSignals.Terminate"/> when none did.</summary>
    public int Received => Volatile.Read(ref _received) is var signal and > 0 ? signal : ProcessSignals.Terminate;

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }

    private void Receive(PosixSignalContext context, int signal)
    {
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _received, signal, 0) == 0)
            _stop.Cancel();
    }
}
