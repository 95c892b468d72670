using static TorchSharp.torch;

namespace GanNotebooks.Grading;

/// <summary>
/// Fixed inputs for hidden test cells, written out as numbers. In a notebook cell, a call of <c>torch.tensor</c> on a
/// float array makes the C# script compiler warn (CS1701, about TorchSharp's reference to System.Runtime.Numerics 8)
/// into the cell's output; made here, in compiled code, the same tensor comes without that noise. Introduced in
/// notebook 02-vanilla-gan's hidden tests.
/// </summary>
public static class GivenTensor
{
    /// <summary>A one-dimensional float32 tensor holding <paramref name="values"/>, on the CPU.</summary>
    public static Tensor Of(params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return tensor(values);
    }
}
