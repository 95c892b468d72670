namespace GanNotebooks.Data;

/// <summary>
/// A data set that has not been fetched yet. The message names the folder that was searched and the command that
/// fetches it. Introduced in notebook 02-vanilla-gan.
/// </summary>
public sealed class DataSetNotFoundException : DataFileException
{
    /// <summary>Creates the exception for the missing <paramref name="filePath"/> of <paramref name="dataSet"/>.</summary>
    public DataSetNotFoundException(DataSetName dataSet, string filePath)
        : base(filePath,
            $"{dataSet.ToDisplayName()} is not in {Path.GetDirectoryName(filePath)} (missing {Path.GetFileName(filePath)}). "
            + $"Fetch it with ./gan data fetch {dataSet.ToKey()} (or data-scripts/fetch-data.sh {dataSet.ToKey()}) from the repository root; "
            + "set GAN_DATA_DIR to use another data folder.")
    {
        DataSet = dataSet;
    }

    /// <summary>The data set that is missing.</summary>
    public DataSetName DataSet { get; }
}
