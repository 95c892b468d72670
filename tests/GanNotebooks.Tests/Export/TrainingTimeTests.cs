using GanNotebooks.Data;
using GanNotebooks.Export;

namespace GanNotebooks.Tests.Export;

/// <summary>The training-time record notebooks write beside their samples.</summary>
public sealed class TrainingTimeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("training-time-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_written_record_reads_back_equal_and_no_file_reads_as_null()
    {
        var path = Path.Combine(folder, TrainingTime.FileName);

        Assert.Null(TrainingTime.TryRead(path));
        new TrainingTime(7_603, 140.02).Write(path);

        Assert.Equal(new TrainingTime(7_603, 140.02), TrainingTime.TryRead(path));
        Assert.Equal("140 s, 7,603 steps", TrainingTime.TryRead(path)!.ToString());
        Assert.Equal([path], Directory.GetFiles(folder));   // no temporary file left behind
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"Steps\": -5, \"Seconds\": 3}")]
    [InlineData("{\"Steps\": 5, \"Seconds\": -1}")]
    [InlineData("null")]
    public void A_damaged_record_is_refused_naming_the_file_and_the_fix(string content)
    {
        var path = Path.Combine(folder, TrainingTime.FileName);
        File.WriteAllText(path, content);

        var error = Assert.Throws<DataFileException>(() => TrainingTime.TryRead(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("run the notebook that exported the samples again", error.Message);
    }

    [Theory]
    [InlineData(-1L, 1.0)]
    [InlineData(1L, double.NaN)]
    [InlineData(1L, -0.5)]
    public void Invalid_values_are_not_written(long steps, double seconds)
    {
        var path = Path.Combine(folder, TrainingTime.FileName);

        Assert.Throws<ArgumentException>(() => new TrainingTime(steps, seconds).Write(path));
        Assert.False(File.Exists(path));
    }
}
