using System.Text.Json.Nodes;
using GanNotebooks.Checkpoints;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Checkpoints;

/// <summary>Whole, correctly checksummed files whose header lacks a part: refused naming the file and the part.</summary>
public sealed class CheckpointHeaderTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string source;

    public CheckpointHeaderTests()
    {
        source = folder.File("good.ganckpt");
        using var trainer = TrainingRun.TinyTrainer(initSeed: 1);
        TrainingCheckpoint.Save(trainer, source);
    }

    public void Dispose() => folder.Dispose();

    private (CheckpointException Error, string Path) LoadEdited(Action<JsonObject> edit)
    {
        var raw = RawCheckpoint.Read(source);
        edit(raw.Header);
        var path = folder.File("edited.ganckpt");
        raw.Write(path);
        using var trainer = TrainingRun.TinyTrainer(initSeed: 5);
        using var before = trainer.SampleFixed();
        var error = Assert.ThrowsAny<CheckpointException>(() => TrainingCheckpoint.Load(trainer, path));
        using var after = trainer.SampleFixed();
        Assert.True(before.allclose(after, rtol: 0, atol: 0), "a refused checkpoint changed the trainer");
        Assert.Equal(0, trainer.Step);
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        return (error, path);
    }

    [Theory]
    [InlineData("Generator")]
    [InlineData("Discriminator")]
    [InlineData("TrainerOptions")]
    [InlineData("Sections")]
    [InlineData("KitVersion")]
    public void A_null_header_field_is_named(string field)
    {
        var (error, _) = LoadEdited(header => header[field] = null);
        Assert.Contains($"its header has no '{field}' section", error.Message);
    }

    [Theory]
    [InlineData("Generator")]
    [InlineData("TrainerOptions")]
    [InlineData("Sections")]
    public void A_missing_header_field_is_named(string field)
    {
        var (error, _) = LoadEdited(header => header.Remove(field));
        Assert.Contains(field, error.Message);
        Assert.Contains("header cannot be read", error.Message);
    }

    [Fact]
    public void A_network_description_without_its_settings_is_named()
    {
        var (error, _) = LoadEdited(header => header["Discriminator"]!["Settings"] = null);
        Assert.Contains("its header has no 'Discriminator.Settings' section", error.Message);
    }

    [Fact]
    public void A_null_entry_in_the_section_table_is_named()
    {
        var (error, _) = LoadEdited(header => header["Sections"]!.AsArray().Insert(2, null));
        Assert.Contains("its header has no 'Sections[2]' section", error.Message);
    }

    [Theory]
    [InlineData("generator")]
    [InlineData("fixed-noise")]
    [InlineData("cpu-generator-state")]
    [InlineData("history")]
    public void A_payload_section_missing_from_the_table_is_named_before_anything_is_loaded(string section)
    {
        var (error, _) = LoadEdited(header =>
        {
            var sections = header["Sections"]!.AsArray();
            sections.Remove(sections.Single(s => (string?)s!["Name"] == section));
        });
        Assert.Contains($"has no '{section}' section", error.Message);
    }

    [Fact]
    public void A_folder_lists_a_file_with_an_incomplete_header_as_damaged()
    {
        var raw = RawCheckpoint.Read(source);
        raw.Header["Generator"] = null;
        var checkpoints = new CheckpointFolder(folder.File("run"));
        Directory.CreateDirectory(checkpoints.Folder);
        raw.Write(checkpoints.PathFor(8));
        var skipped = new List<CheckpointException>();
        Assert.Null(checkpoints.Latest(skipped));
        Assert.Contains("'Generator'", Assert.Single(skipped).Message);
    }
}
