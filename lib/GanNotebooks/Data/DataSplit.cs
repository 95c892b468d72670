namespace GanNotebooks.Data;

/// <summary>Which part of a data set: the training images or the held-out test images. Introduced in notebook 02-vanilla-gan.</summary>
public enum DataSplit
{
    /// <summary>The training split (<c>train-*</c> files).</summary>
    Train,

    /// <summary>The test split (<c>t10k-*</c> files).</summary>
    Test,
}
