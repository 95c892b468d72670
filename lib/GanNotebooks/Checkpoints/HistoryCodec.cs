using GanNotebooks.Training;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// Writes a <see cref="TrainingHistory"/> into a checkpoint section and reads it back, every number bit for bit:
/// the count of steps, each step's number and six floats, then the count of pixel measurements, each step and
/// four floats. Introduced in notebook 02-vanilla-gan.
/// </summary>
internal static class HistoryCodec
{
    /// <summary>Writes <paramref name="history"/>.</summary>
    public static void Write(BinaryWriter writer, TrainingHistory history)
    {
        writer.Write(history.Steps.Count);
        foreach (var m in history.Steps)
        {
            writer.Write(m.Step);
            writer.Write(m.DiscriminatorLossReal);
            writer.Write(m.DiscriminatorLossFake);
            writer.Write(m.GeneratorLoss);
            writer.Write(m.DOfX);
            writer.Write(m.DOfGBeforeUpdate);
            writer.Write(m.DOfGAfterUpdate);
        }
        writer.Write(history.Pixels.Count);
        foreach (var p in history.Pixels)
        {
            writer.Write(p.Step);
            writer.Write(p.GeneratedMean);
            writer.Write(p.GeneratedStd);
            writer.Write(p.RealMean);
            writer.Write(p.RealStd);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static (List<StepMetrics> Steps, List<PixelStatistics> Pixels) Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        var steps = new List<StepMetrics>(count);
        for (int i = 0; i < count; i++)
            steps.Add(new StepMetrics(reader.ReadInt64(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(),
                reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle()));
        count = reader.ReadInt32();
        var pixels = new List<PixelStatistics>(count);
        for (int i = 0; i < count; i++)
            pixels.Add(new PixelStatistics(reader.ReadInt64(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle()));
        return (steps, pixels);
    }
}
