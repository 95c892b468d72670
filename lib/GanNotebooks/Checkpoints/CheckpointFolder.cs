using System.Diagnostics;
using System.Globalization;
using GanNotebooks.Data;
using GanNotebooks.Training;

namespace GanNotebooks.Checkpoints;

/// <summary>
/// A folder of numbered checkpoints: <see cref="Save"/> writes <c>checkpoint-&lt;step&gt;.ganckpt</c> atomically and
/// keeps only the <see cref="CheckpointOptions.KeepLast"/> most recent saves; <see cref="LoadLatest"/> resumes from the
/// most recent save that is complete and intact. "Most recent" is by write order, not by step: every save records a
/// save number in its header, one more than the highest in the folder, so a new run that saves step 1,000 into a
/// folder still holding an older run's steps 5,000–7,000 keeps its own file and resumes from it. The number is taken,
/// the file written and renamed and the oldest pruned while the save holds the folder's lock file
/// (<c>.checkpoint.lock</c>, see <see cref="CheckpointFolderLock"/>), so two folder objects or processes saving into one
/// folder at once take turns: no file is corrupted and the newest save is never pruned. Files' write times are not
/// used: clocks are coarse and can step back, and copying a folder changes them. Files without a save number
/// (written by earlier kits or by <see cref="TrainingCheckpoint.Save(GanTrainer, string, DataPosition?)"/>) still
/// load; they count as older than any numbered save, and among themselves by step. Temporary files of interrupted
/// saves never count as checkpoints and are cleared on the next save. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class CheckpointFolder
{
    /// <summary>How long a save waits for another save into the same folder to finish.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

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

    /// <summary>The lock file saves into this folder take turns on (it stays in the folder, empty).</summary>
    public string LockFile => CheckpointFolderLock.PathIn(Folder, Options.FilePrefix);

    /// <summary>Passes the file stream of each save through this function (tests simulate a full disk with it).</summary>
    internal Func<Stream, Stream>? WrapStream { get; init; }

    /// <summary>The file a checkpoint at <paramref name="step"/> is written to.</summary>
    public string PathFor(long step) => Path.Combine(Folder, $"{Options.FilePrefix}-{step:D9}{CheckpointFile.Extension}");

    /// <summary>
    /// Saves <paramref name="trainer"/> (and the data position) as the checkpoint of its current step, numbered one
    /// after the folder's most recent save, then deletes all but the <see cref="CheckpointOptions.KeepLast"/> most
    /// recent saves (never the one just written). Returns the file written. When the write fails (a full disk, a
    /// read-only folder, a diverged trainer) the earlier checkpoints are left as they were and a
    /// <see cref="CheckpointException"/> says so, naming the folder.
    /// </summary>
    public string Save(GanTrainer trainer, DataPosition? data = null)
    {
        var path = PathFor(trainer.Step);
        using (Lock(path))
        {
            DeleteStaleTemporaryFiles();
            var saved = Ordered();
            long highest = saved.Count == 0 ? 0 : Math.Max(saved[^1].Number, 0);
            if (highest == long.MaxValue)
                throw new CheckpointException(saved[^1].Path, $"Cannot save checkpoint {path}: {saved[^1].Path} claims the highest possible save " +
                    "number, so no later save could count as newer. Move that file out of the folder; nothing was written.");
            long number = highest + 1;
            TrainingCheckpoint.Save(trainer, path, data, WrapStream, number);
            foreach (var old in Ordered().SkipLast(Options.KeepLast).Where(old => old.Path != path))
            {
                try { File.Delete(old.Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        return path;
    }

    /// <summary>
    /// The checkpoint files in the folder, least recent save first: files whose header cannot be read first, then
    /// files without a save number by step, then numbered saves by number. Only headers are read here, not checked.
    /// </summary>
    public IReadOnlyList<string> List() => Ordered().Select(file => file.Path).ToList();

    /// <summary>
    /// The most recent save that reads back whole (header, lengths and checksum), or null when there is none.
    /// Damaged files (a newer save that fails the checks, or any file whose header cannot be read) are skipped and
    /// named in <paramref name="skipped"/>.
    /// </summary>
    public string? Latest(ICollection<CheckpointException>? skipped = null)
    {
        var files = Ordered();
        foreach (var file in files.Where(f => f.Number == Unreadable))
            skipped?.Add(ErrorOf(file.Path) ?? new CheckpointException(file.Path, $"Checkpoint {file.Path} has a header that cannot be read."));
        foreach (var file in Enumerable.Reverse(files).Where(f => f.Number != Unreadable))
        {
            if (ErrorOf(file.Path) is not { } error) return file.Path;
            skipped?.Add(error);
        }
        return null;
    }

    /// <summary>
    /// Loads the most recent intact save into <paramref name="trainer"/>; null (trainer untouched) when the folder has
    /// none. When that save was written for other networks or trainer settings, a
    /// <see cref="CheckpointMismatchException"/> says so and names each difference; it does not fall back to an older
    /// save that fits, which would quietly resume an earlier run. NaN or infinite weights are refused in the same way.
    /// </summary>
    public CheckpointHeader? LoadLatest(GanTrainer trainer, ICollection<CheckpointException>? skipped = null)
    {
        var path = Latest(skipped);
        if (path is null) return null;
        try
        {
            return TrainingCheckpoint.Load(trainer, path);
        }
        catch (CheckpointMismatchException e)
        {
            throw new CheckpointMismatchException(path, e.Differences,
                $"The most recent checkpoint in {Folder}, {path}, was written for other networks or trainer settings",
                "LoadLatest does not fall back to an older checkpoint, which would resume an earlier run: build the networks and the " +
                "trainer as that run did (TrainingCheckpoint.ReadHeader shows its settings), or give the new run a folder of its own.");
        }
    }

    /// <summary>The save number given to files whose header cannot be read: before every other file.</summary>
    private const long Unreadable = long.MinValue;

    private List<(string Path, long Number, long Step)> Ordered()
    {
        if (!Directory.Exists(Folder)) return [];
        var prefix = Options.FilePrefix + "-";
        return Directory.EnumerateFiles(Folder, prefix + "*" + CheckpointFile.Extension)
            .Select(path => (path, step: StepOf(Path.GetFileName(path), prefix)))
            .Where(x => x.step >= 0)
            .Select(x => (x.path, Number: CheckpointFile.PeekHeader(x.path) is { } header ? header.SaveNumber ?? 0 : Unreadable, Step: x.step))
            .OrderBy(x => x.Number).ThenBy(x => x.Step)
            .ToList();
    }

    private static CheckpointException? ErrorOf(string path)
    {
        try
        {
            CheckpointFile.ReadHeader(path);
            return null;
        }
        catch (CheckpointException e)
        {
            return e;
        }
    }

    // The folder's lock, or a CheckpointException naming the folder when it cannot be written or stays locked.
    private CheckpointFolderLock Lock(string path)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            return CheckpointFolderLock.Acquire(LockFile, LockTimeout);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(path, $"Cannot save checkpoint {path}: the folder {Folder} cannot be written ({e.Message}). " +
                "Make it writable or choose another folder; nothing was written and its checkpoints are unchanged.", e);
        }
        catch (TimeoutException e)
        {
            throw new CheckpointException(path, $"Cannot save checkpoint {path}: {e.Message} in {Folder}. Another run is saving into the " +
                "same folder; give each run a folder of its own. Nothing was written.", e);
        }
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
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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
