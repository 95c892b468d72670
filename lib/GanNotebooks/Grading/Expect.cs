using static TorchSharp.torch;

namespace GanNotebooks.Grading;

/// <summary>
/// Assertions for hidden test cells. Each throws a <see cref="CheckFailedException"/> whose message says what was
/// expected and what came, in words a student can act on. NaN and infinity never pass a comparison.
/// </summary>
public static class Expect
{
    /// <summary>Fails with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition) throw new CheckFailedException(message);
    }

    /// <summary>Fails unless <paramref name="actual"/> is finite and within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public static void Close(double actual, double expected, double tolerance, string what)
    {
        if (!double.IsFinite(actual))
            throw new CheckFailedException($"{what} is {actual} (expected {expected:G6}): the result is not a finite number.");
        if (Math.Abs(actual - expected) > tolerance)
            throw new CheckFailedException($"{what} is {actual:G6}, expected {expected:G6} (± {tolerance:G2}).");
    }

    /// <summary>The single value of a one-element tensor, failing when the tensor has another size.</summary>
    public static double Scalar(Tensor tensor, string what)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.numel() != 1)
            throw new CheckFailedException($"{what} should be a single number (a batch mean), but has shape [{string.Join(", ", tensor.shape)}].");
        return tensor.to_type(ScalarType.Float64).cpu().item<double>();
    }

    /// <summary>Fails unless <paramref name="tensor"/> has exactly the shape <paramref name="expected"/>.</summary>
    public static void Shape(Tensor tensor, long[] expected, string what)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!tensor.shape.SequenceEqual(expected))
            throw new CheckFailedException($"{what} has shape [{string.Join(", ", tensor.shape)}], expected [{string.Join(", ", expected)}].");
    }

    /// <summary>Fails unless every element of <paramref name="actual"/> is finite and within <paramref name="tolerance"/> of <paramref name="expected"/>'s.</summary>
    public static void AllClose(Tensor actual, Tensor expected, double tolerance, string what)
    {
        Shape(actual, expected.shape, what);
        using var scope = NewDisposeScope();
        var a = actual.detach().to_type(ScalarType.Float64).cpu();
        var e = expected.detach().to_type(ScalarType.Float64).cpu();
        if (!a.isfinite().all().item<bool>())
            throw new CheckFailedException($"{what} holds NaN or infinite values.");
        var largest = (a - e).abs().max().item<double>();
        if (largest > tolerance)
            throw new CheckFailedException($"{what} differs from the expected values by up to {largest:G3} (allowed {tolerance:G2}).");
    }
}
