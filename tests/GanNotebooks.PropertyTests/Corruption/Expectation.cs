namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// What a reader may do with one corrupted file: return <see cref="Content"/> (exactly), or, where
/// <see cref="MayBeRejected"/>, throw the kit's <c>DataFileException</c>. A null content means it must reject the file.
/// </summary>
public sealed record Expectation<T>(T? Content, bool MayBeRejected) where T : class
{
    /// <summary>The original content or a rejection: what a format with a checksum allows.</summary>
    public static Expectation<T> OriginalOrRejected(T original) => new(original, true);

    /// <summary>Exactly <paramref name="decoded"/>, or a rejection when it is null.</summary>
    public static Expectation<T> Exactly(T? decoded) => new(decoded, decoded is null);
}
