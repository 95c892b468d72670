using GanNotebooks.Data;

namespace GanNotebooks.Tests.Metrics;

/// <summary>A fact that is skipped, with the fetch command, when a data set is not in the kit's data folder.</summary>
public sealed class RequiresDataSetFactAttribute : FactAttribute
{
    public RequiresDataSetFactAttribute(DataSetName name)
    {
        if (!DataSets.IsPresent(name))
            Skip = $"{name.ToDisplayName()} is not in {DataSets.FolderOf(name)}; fetch it with: ./gan data fetch {name.ToKey()}";
    }
}
