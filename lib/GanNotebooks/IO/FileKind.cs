namespace GanNotebooks.IO;

/// <summary>What a path names, without following a symbolic link (<see cref="FileKinds.Of"/>). Introduced for <c>gan grade</c> (notebooks/README.md).</summary>
public enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    RegularFile,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (to anything, or dangling).</summary>
    SymbolicLink,

    /// <summary>A named pipe (FIFO): opening it for reading waits for a writer.</summary>
    NamedPipe,

    /// <summary>A device, a socket or another special file.</summary>
    SpecialFile,
}
