using Microsoft.DotNet.Interactive;

namespace GanNotebooks.Interactive;

/// <summary>
/// Small conveniences for notebook cells: the running cell's cancellation token (the kernel's "stop" button),
/// and showing a value from inside a loop. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class Notebook
{
    /// <summary>
    /// The token that the kernel cancels when the user interrupts the running cell; <c>default</c> outside a
    /// notebook. Check it at step boundaries (<c>ThrowIfCancellationRequested</c>).
    /// </summary>
    public static CancellationToken Cancellation => KernelInvocationContext.Current?.CancellationToken ?? CancellationToken.None;
}
