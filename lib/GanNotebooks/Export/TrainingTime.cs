using System.Globalization;
using System.Text;
using System.Text.Json;
using GanNotebooks.Data;
using GanNotebooks.IO;

namespace GanNotebooks.Export;

/// <summary>
/// How long a notebook trained the model whose samples it exported: steps and seconds of training, written atomically
/// as <see cref="FileName"/> beside <c>samples.idx3-ubyte</c>, so that a later notebook can put the training time next
/// to the samples' scores. Notebooks 02, 04 and 05 write it; notebook 08-gan-family, which introduces the type, reads
/// it for its table of the whole series.
/// </summary>
/// <param name="Steps">Training steps taken.</param>
/// <param name="Seconds">Seconds of training (wall time of the training loop).</param>
public sealed record TrainingTime(long Steps, double Seconds)
{
    /// <summary>The file name used beside the samples.</summary>
    public const string FileName = "training.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes this record to <paramref name="path"/> atomically.</summary>
    /// <exception cref="ArgumentException">The steps are negative or the seconds not a finite, non-negative number.</exception>
    public void Write(string path)
    {
        Validate(path);
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Json)));
    }

    /// <summary>The record at <paramref name="path"/>, or null when there is no such file.</summary>
    /// <exception cref="DataFileException">The file exists but is not a valid record: it names the file and the fix.</exception>
    public static TrainingTime? TryRead(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) return null;
        TrainingTime? record;
        try
        {
            record = JsonSerializer.Deserialize<TrainingTime>(File.ReadAllText(full));
        }
        catch (JsonException e)
        {
            throw new DataFileException(full, $"{full} is not a training-time record ({e.Message}). To fix it, run the notebook that exported the samples again.");
        }
        if (record is null || record.Steps < 0 || !double.IsFinite(record.Seconds) || record.Seconds < 0)
            throw new DataFileException(full, $"{full} holds no valid steps and seconds. To fix it, run the notebook that exported the samples again.");
        return record;
    }

    /// <summary>"140 s, 7,603 steps".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Seconds:F0} s, {Steps:N0} steps");

    private void Validate(string path)
    {
        if (Steps < 0) throw new ArgumentException($"TrainingTime.Steps = {Steps} must not be negative (writing {path}).", nameof(Steps));
        if (!double.IsFinite(Seconds) || Seconds < 0)
            throw new ArgumentException($"TrainingTime.Seconds = {Seconds} must be a finite number of seconds, 0 or more (writing {path}).", nameof(Seconds));
    }
}
