namespace GanNotebooks.Tests.Checkpoints;

/// <summary>A fact that is skipped, saying why, unless <see cref="ReadOnlyFolder"/> can make a read-only folder here.</summary>
public sealed class RequiresReadOnlyFolderFactAttribute : FactAttribute
{
    public RequiresReadOnlyFolderFactAttribute()
    {
        if (ReadOnlyFolder.WhyNot is { } reason) Skip = reason;
    }
}
