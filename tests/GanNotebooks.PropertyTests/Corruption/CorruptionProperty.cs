using FsCheck;
using FsCheck.Fluent;
using GanNotebooks.Tests.Data;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>
/// The property every reader of the kit is held to, on <see cref="Cases"/> corrupted copies of one file: it returns
/// what <see cref="Expectation{T}"/> allows (exactly), or throws its documented exception with a message naming the
/// file; never another exception, a hang (<see cref="BoundedRead{T}.HangLimit"/>), or allocations far above what the
/// intact file needs. Fixed seeds: a failure repeats on every run and prints the edits that caused it.
/// </summary>
/// <param name="Documented">The reader's documented exception type (a rejection).</param>
/// <param name="NameInMessage">What a rejection's message must contain, given the corrupted file's path (the path, or its name).</param>
public sealed record CorruptionProperty(Type Documented, Func<string, string> NameInMessage)
{
    public const int Cases = 1000;

    /// <summary>Rejections are <paramref name="documented"/> exceptions whose message holds the file's full path.</summary>
    public static CorruptionProperty Rejecting(Type documented) => new(documented, path => path);

    /// <summary>
    /// Checks the property on corrupted copies of the file <paramref name="write"/> makes (named <paramref name="name"/>
    /// inside <paramref name="folder"/>); <paramref name="expect"/> says, from the original content and the corrupted
    /// bytes, what the reader may do. <paramref name="edits"/> defaults to <see cref="Corruptions.Arbitrary"/>.
    /// </summary>
    public void Holds<T>(ITestOutputHelper output, TempFolder folder, string name, Action<string> write, Func<string, T> read,
        Func<T, T, bool> same, ulong seed, Func<T, byte[], Expectation<T>> expect, Arbitrary<ByteEdit[]>? edits = null, int cases = Cases)
        where T : class
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var source = folder.File("source", name);
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        write(source);
        var original = File.ReadAllBytes(source);
        var expected = read(source);
        var baseline = BoundedRead<T>.Run(() => read(source)).AllocatedBytes;
        var allocationLimit = 2 * baseline + (1 << 20);
        var path = folder.File("corrupted", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        int tried = 0, rejected = 0, intact = 0, changed = 0;
        var property = Prop.ForAll(edits ?? Corruptions.Arbitrary, list =>
        {
            tried++;
            var corrupted = Corruptions.Apply(original, list);
            File.WriteAllBytes(path, corrupted);
            var outcome = BoundedRead<T>.Run(() => read(path));
            var allowed = expect(expected, corrupted);
            var described = string.Join(", ", list.Select(e => e.ToString()));
            if (outcome.AllocatedBytes > allocationLimit)
                return false.Label($"allocated {outcome.AllocatedBytes:N0} bytes (limit {allocationLimit:N0}) after: {described}");
            if (outcome.Error is { } error && Documented.IsInstanceOfType(error))
            {
                rejected++;
                return (allowed.MayBeRejected && error.Message.Contains(NameInMessage(path), StringComparison.Ordinal))
                    .Label($"rejected a valid file, or without naming it ({error.Message}), after: {described}");
            }
            if (outcome.Error is { } other)
                return false.Label($"{other.GetType().Name} ({other.Message}) after: {described}\n{other}");
            if (same(expected, outcome.Result!)) intact++; else changed++;
            if (allowed.AnyContent) return true.Label("a result");
            return (allowed.Content is { } content && same(content, outcome.Result!))
                .Label($"returned {(allowed.Content is null ? "content from a file it must reject" : "content other than the bytes hold")} after: {described}");
        });
        FsCheck.Check.One(Seeded(seed, cases), property);
        output.WriteLine($"{name}: {tried} corrupted copies (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s: {rejected} rejected with "
            + $"{Documented.Name}, {intact} read as the original, {changed} read as the changed values their bytes hold; "
            + $"allocation limit {allocationLimit:N0} bytes.");
        Assert.Equal(cases, tried);
    }

    private static Config Seeded(ulong seed, int cases) => Config.QuickThrowOnFailure
        .WithMaxTest(cases)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
}
