namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// What a reader may do with one corrupted file: return <see cref="Content"/> (exactly), or, where
/// <see cref="MayBeRejected"/>, throw the reader's documented exception. A null content means it must reject the file,
/// unless <see cref="AnyContent"/>: for a file whose meaning changed in a way the test cannot decode independently
/// (valid JSON with other values), where only the outcome's kind is held (a result or the documented exception).
/// </summary>
public sealed record Expectation<T>(T? Content, bool MayBeRejected, bool AnyContent = false) where T : class
{
    /// <summary>Any result, or the documented exception: never another exception, a hang or a runaway allocation.</summary>
    public static Expectation<T> ResultOrRejected() => new(null, true, AnyContent: true);

    /// <summary>The original content or a rejection: what a format with a checksum allows.</summary>
    public static Expectation<T> OriginalOrRejected(T original) => new(original, true);

    /// <summary>Exactly <paramref name="decoded"/>, or a rejection when it is null.</summary>
    public static Expectation<T> Exactly(T? decoded) => new(decoded, decoded is null);
}
