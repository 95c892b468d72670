namespace GanNotebooks.Hardware;

/// <summary>
/// The matrix-product kernels the kit chose for this process (<see cref="CpuKernels"/>), why, and the rates it
/// measured. Introduced in notebook 00-setup.
/// </summary>
/// <param name="Name">The choice as <c>GAN_CPU_KERNELS</c> names it: <c>library</c>, <c>avx2</c> or <c>avx512</c>.</param>
/// <param name="Description">What runs, e.g. "MKL's AVX-512 kernels".</param>
/// <param name="Reason">Why, e.g. the two measured rates, or the variable that forced it.</param>
/// <param name="LibraryGflops">The rate of MKL's own choice, when measured (GFLOP/s, 1024² float32 products).</param>
/// <param name="ChosenGflops">The rate of the chosen kernels, when measured.</param>
public sealed record CpuKernelChoice(string Name, string Description, string Reason, double? LibraryGflops = null, double? ChosenGflops = null)
{
    /// <summary>One line for the doctor and notebook 00.</summary>
    public string Summary => $"matrix products: {Description} ({Reason}); force one with {CpuKernels.Variable}=library|avx2|avx512";
}
