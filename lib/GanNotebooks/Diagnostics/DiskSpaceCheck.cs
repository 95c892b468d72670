namespace GanNotebooks.Diagnostics;

/// <summary>
/// Checks the free space where the kit writes: the data and artifacts folders (and the NuGet packages folder, which
/// the CUDA backend fills with about 4 GB). Warns below <see cref="WarnBelowBytes"/>, fails below
/// <see cref="FailBelowBytes"/>. Introduced in notebook 00-setup.
/// </summary>
/// <param name="folders">The folders to check, with a label each (e.g. "data").</param>
/// <param name="freeBytes">Free bytes on the file system of an existing folder (default: <see cref="DriveInfo"/>).</param>
public sealed class DiskSpaceCheck(IReadOnlyList<(string Label, string Folder)> folders, Func<string, long> freeBytes) : IDoctorCheck
{
    /// <summary>Below this, the check warns (2 GiB).</summary>
    public const long WarnBelowBytes = 2L << 30;

    /// <summary>Below this, the check fails (512 MiB).</summary>
    public const long FailBelowBytes = 512L << 20;

    /// <inheritdoc />
    public string Name => "Disk space";

    /// <summary>The check of the given folders on this machine.</summary>
    public DiskSpaceCheck(IReadOnlyList<(string Label, string Folder)> folders) : this(folders, path => new DriveInfo(path).AvailableFreeSpace) { }

    /// <inheritdoc />
    public CheckResult Run()
    {
        var found = folders.Select(f => (f.Label, f.Folder, Free: freeBytes(NearestExisting(f.Folder)))).ToList();
        var text = string.Join("; ", found.Select(f => $"{f.Label} {Gib(f.Free)} free ({f.Folder})"));
        var low = found.MinBy(f => f.Free);
        var fix = $"Free space on the file system of {low.Folder}, or move the folder (GAN_DATA_DIR, GAN_ARTIFACTS_DIR, NUGET_PACKAGES).";
        if (low.Free < FailBelowBytes)
            return CheckResult.Fail(Name, $"{text}. Below {Gib(FailBelowBytes)}, runs fail when they write samples and charts.", fix);
        if (low.Free < WarnBelowBytes)
            return CheckResult.Warn(Name, $"{text}. Below {Gib(WarnBelowBytes)}: enough for the notebooks, not for the CUDA packages.", fix);
        return CheckResult.Pass(Name, text + ".");
    }

    private static string Gib(long bytes) => $"{bytes / (double)(1L << 30):0.0} GiB";

    /// <summary>The folder itself or its nearest existing parent (a folder the kit has not created yet).</summary>
    public static string NearestExisting(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
            if (dir.Exists)
                return dir.FullName;
        return Path.GetPathRoot(Path.GetFullPath(folder)) ?? "/";
    }
}
