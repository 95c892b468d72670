namespace GanNotebooks.Data.Fetching;

/// <summary>The verdict on a data set's folder, file by file. Introduced in notebook 02-vanilla-gan.</summary>
/// <param name="Name">The data set.</param>
/// <param name="Folder">The folder checked.</param>
/// <param name="Source">Its <c>SOURCE.json</c> record, if any.</param>
/// <param name="Files">One verdict per canonical file.</param>
public sealed record VerificationReport(DataSetName Name, string Folder, DataSetSource? Source, IReadOnlyList<FileVerification> Files)
{
    /// <summary>True when every file is present and intact and <c>SOURCE.json</c>, if there, is readable.</summary>
    public bool Ok => Files.All(f => f.Ok) && SourceProblem is null;

    /// <summary>What is wrong with the folder's <c>SOURCE.json</c> when it is there but cannot be read; null otherwise.</summary>
    public string? SourceProblem { get; init; }

    /// <summary>True when no file of the data set is present.</summary>
    public bool Absent => Files.All(f => f.Detail == DataVerifier.MissingDetail);
}
