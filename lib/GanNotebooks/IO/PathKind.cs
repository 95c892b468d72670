namespace GanNotebooks.IO;

/// <summary>What a path names on disk, as <see cref="PathCheck.Classify"/> finds it, symbolic links followed.</summary>
public enum PathKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file that can be opened for reading.</summary>
    RegularFile,

    /// <summary>A directory that can be listed.</summary>
    Directory,

    /// <summary>A named pipe (FIFO): opening it for reading would wait for a writer.</summary>
    NamedPipe,

    /// <summary>A character or block device.</summary>
    Device,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>A symbolic link whose target does not exist.</summary>
    DanglingLink,

    /// <summary>A symbolic link that leads back to itself (too many levels of symbolic links).</summary>
    LinkLoop,

    /// <summary>A part of the path before its last name is a file, not a folder.</summary>
    FileOnTheWay,

    /// <summary>There, but permission to read it (or to look inside a folder on the way) is denied.</summary>
    Unreadable,
}
