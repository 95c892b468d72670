namespace GanNotebooks.IO;

/// <summary>
/// Looks at a path a user gave before anything opens it, and says in one sentence what is wrong with it: missing, a
/// directory where a file is expected (or the reverse), a named pipe, device or socket, a dangling symbolic link or a
/// link loop, or a file that cannot be read. Nothing is opened that could block (a named pipe is recognised from its
/// file type, never opened). Every command of the <c>gan</c> command line checks its paths with it, and the library's
/// readers call it before they open a data file.
/// </summary>
public static class PathCheck
{
    /// <summary>What <paramref name="path"/> names, symbolic links followed.</summary>
    public static PathKind Classify(string path)
    {
        var full = Path.GetFullPath(path);
        var type = LinuxFileType.TypeOf(full, followLinks: false, out var error);
        if (type is null) return ClassifyPortably(full);
        if (type == 0) return FromError(error, isLink: false);
        if (type == LinuxFileType.SymbolicLink)
        {
            type = LinuxFileType.TypeOf(full, followLinks: true, out error);
            if (type == 0) return FromError(error, isLink: true);
        }
        return type switch
        {
            LinuxFileType.RegularFile => CanRead(full),
            LinuxFileType.Directory => CanList(full),
            LinuxFileType.NamedPipe => PathKind.NamedPipe,
            LinuxFileType.Socket => PathKind.Socket,
            _ => PathKind.Device,
        };
    }

    /// <summary>Whether <paramref name="path"/> itself is a symbolic link (the link is not followed), e.g. a submitted notebook that links to another file.</summary>
    public static bool IsSymbolicLink(string path)
    {
        var full = Path.GetFullPath(path);
        return LinuxFileType.TypeOf(full, followLinks: false, out _) is { } type && type != 0
            ? type == LinuxFileType.SymbolicLink
            : new FileInfo(full).LinkTarget is not null;
    }

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file that can be read; otherwise a sentence naming the full
    /// path and what it is instead, e.g. <c>/data/x.gz is a directory, not a file</c>.
    /// </summary>
    public static string? FileProblem(string path) => Classify(path) is var kind and not PathKind.RegularFile ? Describe(path, kind, "a file") : null;

    /// <summary>Null when <paramref name="path"/> is a directory that can be listed; otherwise what it is instead.</summary>
    public static string? FolderProblem(string path) => Classify(path) is var kind and not PathKind.Directory ? Describe(path, kind, "a folder") : null;

    /// <summary>
    /// Null when a file may be written at <paramref name="path"/>: nothing is there yet (and the nearest existing
    /// folder above it is a folder) or a regular file is; otherwise what is in the way.
    /// </summary>
    public static string? OutputFileProblem(string path) => Classify(path) switch
    {
        PathKind.RegularFile => null,
        PathKind.Missing => ParentProblem(path),
        var kind => Describe(path, kind, "a file"),
    };

    /// <summary>
    /// Null when files may be written into the folder <paramref name="path"/>: nothing is there yet (and the nearest
    /// existing folder above it is a folder) or a folder is; otherwise what is in the way.
    /// </summary>
    public static string? OutputFolderProblem(string path) => Classify(path) switch
    {
        PathKind.Directory => null,
        PathKind.Missing => ParentProblem(path),
        var kind => Describe(path, kind, "a folder"),
    };

    /// <summary>
    /// One sentence for <paramref name="path"/> of kind <paramref name="kind"/> where <paramref name="expected"/>
    /// (<c>a file</c>, <c>a folder</c>) was wanted, e.g. <c>/tmp/x is a named pipe (FIFO), not a file</c>.
    /// </summary>
    public static string Describe(string path, PathKind kind, string expected)
    {
        var full = Path.GetFullPath(path);
        return kind switch
        {
            PathKind.Missing => $"{full} does not exist",
            PathKind.RegularFile => $"{full} is a file, not {FolderWord(expected)}",
            PathKind.Directory => $"{full} is a directory, not {expected}",
            PathKind.NamedPipe => $"{full} is a named pipe (FIFO), not {expected}",
            PathKind.Device => $"{full} is a device, not {expected}",
            PathKind.Socket => $"{full} is a socket, not {expected}",
            PathKind.DanglingLink => $"{full} is a symbolic link to {LinkTarget(full)}, which does not exist",
            PathKind.LinkLoop => $"{full} is a symbolic link that loops (too many levels of symbolic links)",
            PathKind.FileOnTheWay => $"{full} cannot exist: a part of the path before it is a file, not a folder",
            _ => $"{full} cannot be read: permission denied",
        };
    }

    /// <summary>
    /// One sentence for an input/output failure <paramref name="failure"/> on <paramref name="path"/>, without
    /// the exception's type or stack: permission denied, or the system's own message.
    /// </summary>
    public static string DescribeFailure(string path, Exception failure) => failure switch
    {
        UnauthorizedAccessException => $"{Path.GetFullPath(path)} cannot be read or written: permission denied",
        _ when failure.Message.Contains(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), StringComparison.Ordinal) => failure.Message.TrimEnd('.'),
        _ => $"{Path.GetFullPath(path)}: {failure.Message.TrimEnd('.')}",
    };

    /// <summary>
    /// The full path of <paramref name="path"/> with every symbolic link on it resolved (as far as the path exists),
    /// so that two paths to the same file or folder compare equal.
    /// </summary>
    public static string Resolve(string path) => Resolve(Path.GetFullPath(path), depth: 0);

    private static string Resolve(string full, int depth)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            try
            {
                if (depth < 40 && new FileInfo(next).LinkTarget is { } target)
                    next = Resolve(Path.GetFullPath(target, current), depth + 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // leave the rest as written
            }
            current = next;
        }
        return Path.TrimEndingDirectorySeparator(current) is { Length: > 0 } trimmed ? trimmed : root;
    }

    private static string FolderWord(string expected) => expected == "a file" ? "a regular file" : expected;

    private static PathKind FromError(int error, bool isLink) => error switch
    {
        LinuxFileType.NoEntry => isLink ? PathKind.DanglingLink : PathKind.Missing,
        LinuxFileType.TooManyLinks => PathKind.LinkLoop,
        LinuxFileType.NotADirectory => PathKind.FileOnTheWay,
        _ => PathKind.Unreadable,
    };

    private static PathKind CanRead(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return PathKind.RegularFile;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return PathKind.Unreadable;
        }
    }

    private static PathKind CanList(string path)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(path).GetEnumerator();
            entries.MoveNext();
            return PathKind.Directory;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return PathKind.Unreadable;
        }
    }

    // Where statx is not available: what .NET itself can tell (no named pipes, devices or sockets).
    private static PathKind ClassifyPortably(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true } and not DirectoryInfo { Exists: true })
                return PathKind.DanglingLink;
        }
        catch (IOException)
        {
            return PathKind.LinkLoop;
        }
        catch (UnauthorizedAccessException)
        {
            return PathKind.Unreadable;
        }
        if (Directory.Exists(path)) return CanList(path);
        return File.Exists(path) ? CanRead(path) : PathKind.Missing;
    }

    private static string? ParentProblem(string path)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        while (parent is not null && Classify(parent) == PathKind.Missing) parent = Path.GetDirectoryName(parent);
        if (parent is null) return null;
        var kind = Classify(parent);
        return kind == PathKind.Directory ? null : Describe(parent, kind, "a folder");
    }

    private static string LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget ?? "a missing target";
        }
        catch (IOException)
        {
            return "a missing target";
        }
    }
}
