using GanNotebooks.Hardware;

namespace GanNotebooks.Diagnostics;

/// <summary>
/// Says which matrix-product kernels the kit chose on this machine and why (<see cref="CpuKernels"/>), and fails on a
/// <c>GAN_CPU_KERNELS</c> value this processor cannot run. Runs first, before any other check multiplies a matrix.
/// Introduced in notebook 00-setup.
/// </summary>
public sealed class CpuKernelsCheck : IDoctorCheck
{
    /// <inheritdoc />
    public string Name => "CPU kernels";

    /// <inheritdoc />
    public CheckResult Run()
    {
        try
        {
            var choice = CpuKernels.Ensure();
            return CheckResult.Pass(Name, $"{CpuFeatures.Current.Summary}: {choice.Description} ({choice.Reason}). "
                + $"Force a choice with {CpuKernels.Variable}=library, avx2 or avx512.");
        }
        catch (InvalidOperationException e)
        {
            return CheckResult.Fail(Name, e.Message, $"Unset {CpuKernels.Variable} (or set it to auto) and start again.");
        }
    }
}
