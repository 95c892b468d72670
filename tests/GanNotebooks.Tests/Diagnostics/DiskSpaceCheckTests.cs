using GanNotebooks.Diagnostics;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Diagnostics;

public sealed class DiskSpaceCheckTests
{
    private const long GiB = 1L << 30;

    [Theory]
    [InlineData(50 * GiB, CheckStatus.Pass)]
    [InlineData(GiB, CheckStatus.Warn)]
    [InlineData(100L << 20, CheckStatus.Fail)]
    public void The_fullest_folder_decides(long artifactsFree, CheckStatus expected)
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("data"));
        Directory.CreateDirectory(temp.File("artifacts"));
        var free = new Dictionary<string, long> { [temp.File("data")] = 80 * GiB, [temp.File("artifacts")] = artifactsFree };
        var result = new DiskSpaceCheck([("data", temp.File("data")), ("artifacts", temp.File("artifacts"))], p => free[p]).Run();
        Assert.Equal(expected, result.Status);
        Assert.Contains("data 80.0 GiB free", result.Finding);
        if (expected != CheckStatus.Pass)
            Assert.Contains(temp.File("artifacts"), result.Fix);
    }

    [Fact]
    public void A_folder_not_yet_created_is_measured_at_its_nearest_parent()
    {
        using var temp = new TempFolder();
        Assert.Equal(temp.Path, DiskSpaceCheck.NearestExisting(temp.File("artifacts", "02-vanilla-gan")));
        Assert.Equal(CheckStatus.Pass, new DiskSpaceCheck([("artifacts", temp.File("artifacts"))], _ => 10 * GiB).Run().Status);
        Assert.True(new DriveInfo(temp.Path).AvailableFreeSpace > 0);
    }
}
