using TorchSharp;
using static TorchSharp.torch;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// Finds NaN and infinite values in what a checkpoint holds: the networks' weights and buffers and the fixed noise,
/// in a trainer before it is saved and in a checkpoint's payload before it is loaded (without touching any trainer).
/// A run whose weights became NaN has diverged; saving it would prune the good checkpoints before it, and resuming
/// it would train on NaN. Introduced in notebook 02-vanilla-gan.
/// </summary>
internal static class FiniteValueCheck
{
    /// <summary>The first tensor of <paramref name="module"/> with a NaN or infinity, as "<paramref name="role"/> tensor name", or null.</summary>
    public static string? FirstNonFinite(nn.Module module, string role)
    {
        foreach (var (name, tensor) in module.state_dict())
            if (!IsFinite(tensor)) return $"{role} tensor {name}";
        return null;
    }

    /// <summary>
    /// The first tensor with a NaN or infinity in a section written by <c>Module.save</c> (a count, then each
    /// tensor's name and data), or null. Throws <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/>
    /// when the section is not in that form.
    /// </summary>
    public static string? FirstNonFiniteInModuleSection(BinaryReader reader, string role)
    {
        using var scope = NewDisposeScope();
        long count = ReadCount(reader);
        if (count < 0 || count > 100_000) throw new InvalidDataException($"the {role} section says it holds {count} tensors");
        for (long i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            if (!IsFinite(TensorExtensionMethods.Load(reader))) return $"{role} tensor {name}";
        }
        return null;
    }

    // The tensor count, as TorchSharp writes it: unsigned LEB128 (seven bits a byte, low bits first, high bit "more").
    private static long ReadCount(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("the tensor count is not a valid number");
    }

    /// <summary>True when <paramref name="tensor"/> holds no NaN or infinity (tensors of whole numbers always).</summary>
    public static bool IsFinite(Tensor tensor)
    {
        if (!tensor.is_floating_point()) return true;
        using var finite = tensor.isfinite().all();
        return finite.item<bool>();
    }
}
