using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Tests.Data.Fetching;

public class FetchLockTests
{
    [Fact]
    public async Task Second_holder_waits_for_the_first()
    {
        using var temp = new TempFolder();
        var path = temp.File(".fetch.lock");
        var first = await FetchLock.AcquireAsync(path, TimeSpan.FromSeconds(5));
        var waited = false;
        var second = FetchLock.AcquireAsync(path, TimeSpan.FromSeconds(5), _ => waited = true);
        await Task.Delay(300);
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var acquired = await second;

        Assert.True(waited);
    }

    [Fact]
    public async Task Times_out_with_a_message_naming_the_lock_file()
    {
        using var temp = new TempFolder();
        var path = temp.File(".fetch.lock");
        using var held = await FetchLock.AcquireAsync(path, TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<DataFetchException>(() => FetchLock.AcquireAsync(path, TimeSpan.FromMilliseconds(300)));

        Assert.Contains(path, error.Message);
    }
}
