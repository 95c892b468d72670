namespace GanNotebooks.Diagnostics;

/// <summary>The verdict of one doctor check. Introduced in notebook 00-setup.</summary>
public enum CheckStatus
{
    /// <summary>All is well.</summary>
    Pass,

    /// <summary>The kit works, but something is missing or slower than it could be; the fix says what to do.</summary>
    Warn,

    /// <summary>Something the kit needs is broken or missing; the fix says what to do.</summary>
    Fail,
}
