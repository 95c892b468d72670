using static TorchSharp.torch;

namespace GanNotebooks.Tests.Fixtures;

/// <summary>
/// Runs TorchSharp on one CPU thread until disposed, then restores the thread count. Tiny networks (the 2-D toy
/// GAN) train many times faster on one thread when other work shares the cores.
/// </summary>
public sealed class OneTorchThread : IDisposable
{
    private readonly int previous = get_num_threads();

    public OneTorchThread() => set_num_threads(1);

    public void Dispose() => set_num_threads(previous);
}
