namespace GanNotebooks.Tests.Notebooks;

/// <summary>One process as /proc/&lt;pid&gt;/stat describes it: its parent, its process group and its state letter.</summary>
public sealed record ProcessEntry(int Pid, int ParentPid, int ProcessGroup, char State);
