using System.Diagnostics;
using System.Globalization;
using GanNotebooks.Data;
using GanNotebooks.Training;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// A folder of numbered checkpoints of one run: <see cref="Save"/> writes <c>checkpoint-&lt;step&gt;.ganckpt</c>
/// atomically and keeps only the newest <see cref="CheckpointOptions.KeepLast"/>; <see cref="LoadLatest"/> resumes
/// from the newest one that is complete and intact. Temporary files of interrupted saves never count as checkpoints
/// and are cleared on the next save. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class CheckpointFolder
{
    /// <summary>Checkpoints of one run in <paramref name="folder"/> (created when missing).</summary>
    public CheckpointFolder(string folder, CheckpointOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("The checkpoint folder must be a path.", nameof(folder));
        Options = (options ?? new CheckpointOptions()).Validate();
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    /// <summary>Naming and keeping rules.</summary>
    public CheckpointOptions Options { get; }

    /// <summary>Passes the file stream of each save through this function (tests simulate a full disk with it).</summary>
    internal Func<Stream, Stream>? WrapStream { get; init; }

    /// <summary>The file a checkpoint at <paramref name="step"/> is written to.</summary>
    public string PathFor(long step) => Path.Combine(Folder, $"{Options.FilePrefix}-{step:D9}{CheckpointFile.Extension}");

    /// <summary>
    /// Saves <paramref name="trainer"/> (and the data position) as the checkpoint of its current step, then deletes
    /// all but the newest <see cref="CheckpointOptions.KeepLast"/>. Returns the file written. When the write fails
    /// (a full disk) the earlier checkpoints are left as they were and a <see cref="CheckpointException"/> says so.
    /// </summary>
    public string Save(GanTrainer trainer, DataPosition? data = null)
    {
        Directory.CreateDirectory(Folder);
        DeleteStaleTemporaryFiles();
        var path = PathFor(trainer.Step);
        TrainingCheckpoint.Save(trainer, path, data, WrapStream);
        foreach (var old in List().SkipLast(Options.KeepLast)) File.Delete(old);
        return path;
    }

    /// <summary>The checkpoint files in the folder, oldest step first (their contents are not checked here).</summary>
    public IReadOnlyList<string> List()
    {
        if (!Directory.Exists(Folder)) return [];
        var prefix = Options.FilePrefix + "-";
        return Directory.EnumerateFiles(Folder, prefix + "*" + CheckpointFile.Extension)
            .Select(path => (path, step: StepOf(Path.GetFileName(path), prefix)))
            .Where(x => x.step >= 0)
            .OrderBy(x => x.step)
            .Select(x => x.path)
            .ToList();
    }

    /// <summary>
    /// The newest checkpoint that reads back whole (header, lengths and checksum), or null when there is none.
    /// Damaged files are skipped and named in <paramref name="skipped"/>.
    /// </summary>
    public string? Latest(ICollection<CheckpointException>? skipped = null)
    {
        foreach (var path in List().Reverse())
        {
            try
            {
                CheckpointFile.ReadHeader(path);
                return path;
            }
            catch (CheckpointException e)
            {
                skipped?.Add(e);
            }
        }
        return null;
    }

    /// <summary>Loads the newest intact checkpoint into <paramref name="trainer"/>; null (trainer untouched) when the folder has none.</summary>
    public CheckpointHeader? LoadLatest(GanTrainer trainer, ICollection<CheckpointException>? skipped = null)
    {
        var path = Latest(skipped);
        return path is null ? null : TrainingCheckpoint.Load(trainer, path);
    }

    private static long StepOf(string fileName, string prefix)
    {
        var digits = fileName[prefix.Length..^CheckpointFile.Extension.Length];
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : -1;
    }

    /// <summary>Deletes temporary files of saves whose process has ended (killed mid-save).</summary>
    private void DeleteStaleTemporaryFiles()
    {
        foreach (var temp in Directory.EnumerateFiles(Folder, $".{Options.FilePrefix}-*{CheckpointFile.Extension}.*.tmp"))
        {
            var parts = Path.GetFileName(temp).Split('.');
            if (parts.Length >= 4 && int.TryParse(parts[^3], out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                try { File.Delete(temp); } catch (IOException) { }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
