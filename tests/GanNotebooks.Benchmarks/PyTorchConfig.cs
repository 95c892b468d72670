namespace GanNotebooks.Benchmarks;

/// <summary>
/// How the PyTorch reference splits the 2 cores: PyTorch's own intra-op threads and OpenBLAS's threads. Debian's
/// PyTorch runs its matrix products in libblas.so.3 (OpenBLAS once libopenblas0-pthread is installed), whose threads
/// are separate from PyTorch's: 2 + 2 oversubscribes the cores (measured 80–130 ms per MLP step against 41 ms).
/// The benchmark runs both sensible splits and takes the faster one per case, so the reference is PyTorch at its best.
/// </summary>
/// <param name="TorchThreads">torch.set_num_threads.</param>
/// <param name="BlasThreads">OPENBLAS_NUM_THREADS.</param>
public sealed record PyTorchConfig(int TorchThreads, int BlasThreads)
{
    /// <summary>The splits tried: BLAS threaded with PyTorch single-threaded, and the other way round.</summary>
    public static IReadOnlyList<PyTorchConfig> Candidates { get; } = [new(1, 2), new(2, 1)];

    /// <inheritdoc />
    public override string ToString() => $"torch threads {TorchThreads}, OpenBLAS threads {BlasThreads}";
}
