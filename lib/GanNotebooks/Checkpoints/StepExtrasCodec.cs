using GanNotebooks.Training;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// Writes the per-step measurements added after the first checkpoint format (gradient norms, the gradient penalty) into
/// their own checkpoint section, and reads them back, bit for bit. The section names its fields, so a reader takes
/// the fields it knows and skips others; a checkpoint without the section (written before these measurements
/// existed) loads with NaN in them. The "history" section keeps its original layout, so older kits still read newer
/// files. Introduced in notebook 06-failure-modes.
/// </summary>
internal static class StepExtrasCodec
{
    private static readonly (string Name, Func<StepMetrics, float> Get, Func<StepMetrics, float, StepMetrics> Set)[] Fields =
    [
        (nameof(StepMetrics.GeneratorGradientNorm), m => m.GeneratorGradientNorm, (m, v) => m with { GeneratorGradientNorm = v }),
        (nameof(StepMetrics.DiscriminatorGradientNorm), m => m.DiscriminatorGradientNorm, (m, v) => m with { DiscriminatorGradientNorm = v }),
        (nameof(StepMetrics.GradientPenalty), m => m.GradientPenalty, (m, v) => m with { GradientPenalty = v }),
    ];

    /// <summary>Writes the field names, then every step's values of those fields.</summary>
    public static void Write(BinaryWriter writer, TrainingHistory history)
    {
        writer.Write(Fields.Length);
        foreach (var field in Fields) writer.Write(field.Name);
        writer.Write(history.Steps.Count);
        foreach (var m in history.Steps)
            foreach (var field in Fields) writer.Write(field.Get(m));
    }

    /// <summary>Reads what <see cref="Write"/> wrote into a copy of <paramref name="steps"/> (read from the "history" section).</summary>
    public static List<StepMetrics> Read(BinaryReader reader, IReadOnlyList<StepMetrics> steps)
    {
        int fieldCount = reader.ReadInt32();
        if (fieldCount < 0 || fieldCount > 1000) throw new InvalidDataException($"the step extras name {fieldCount} fields");
        var setters = new Func<StepMetrics, float, StepMetrics>?[fieldCount];
        for (int i = 0; i < fieldCount; i++)
        {
            string name = reader.ReadString();
            setters[i] = Fields.FirstOrDefault(f => f.Name == name).Set;
        }
        int count = reader.ReadInt32();
        if (count != steps.Count)
            throw new InvalidDataException($"the step extras hold {count} steps but the history holds {steps.Count}");
        var result = new List<StepMetrics>(count);
        foreach (var original in steps)
        {
            var m = original;
            foreach (var set in setters)
            {
                float value = reader.ReadSingle();
                if (set is not null) m = set(m, value);
            }
            result.Add(m);
        }
        return result;
    }
}
