using System.Diagnostics;

namespace GanNotebooks.PropertyTests.Corruption;

/// <summary>What a reader did with one file: its result or exception, the bytes it allocated and how long it took.</summary>
public sealed record BoundedRead<T>(T? Result, Exception? Error, long AllocatedBytes, TimeSpan Elapsed)
{
    /// <summary>The longest a read of a small file may take before it counts as a hang.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="read"/> on a worker thread, measuring that thread's allocations; throws on a hang.</summary>
    public static BoundedRead<T> Run(Func<T> read)
    {
        var task = Task.Factory.StartNew(() =>
        {
            var clock = Stopwatch.StartNew();
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var result = read();
                return new BoundedRead<T>(result, null, GC.GetAllocatedBytesForCurrentThread() - before, clock.Elapsed);
            }
            catch (Exception e)
            {
                return new BoundedRead<T>(default, e, GC.GetAllocatedBytesForCurrentThread() - before, clock.Elapsed);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(HangLimit))
            throw new TimeoutException($"the reader did not return within {HangLimit.TotalSeconds} s");
        return task.Result;
    }
}
