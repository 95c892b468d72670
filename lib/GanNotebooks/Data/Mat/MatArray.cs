namespace GanNotebooks.Data.Mat;

/// <summary>
/// One numeric array read from a MATLAB v5 .mat file, in MATLAB's column-major order (the first index varies
/// fastest). Arrays of class uint8 keep their bytes (<see cref="Bytes"/>); other numeric classes are converted to
/// doubles (<see cref="Values"/>). Introduced in notebook 04-dcgan.
/// </summary>
/// <param name="Name">The variable's name, e.g. <c>X</c>.</param>
/// <param name="Dimensions">Its dimensions, e.g. [32, 32, 3, 73257].</param>
/// <param name="ClassName">MATLAB's class of the array, e.g. <c>uint8</c> or <c>double</c>.</param>
/// <param name="Bytes">The values of a uint8 array, else null.</param>
/// <param name="Values">The values of any other numeric array, else null.</param>
public sealed record MatArray(string Name, int[] Dimensions, string ClassName, byte[]? Bytes, double[]? Values)
{
    /// <summary>Number of elements: the product of the dimensions.</summary>
    public long Count => Dimensions.Aggregate(1L, (a, d) => a * d);
}
