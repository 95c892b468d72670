using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Tests.Notebooks;

public sealed class NotebookLimitsReaderTests
{
    private static readonly RunnerOptions NoOptions = new() { RepoRoot = "." };

    private static JsonNode Metadata(string ganSection) => JsonNode.Parse($"{{\"kernelspec\": {{\"name\": \".net-csharp\"}}, \"gan\": {ganSection}}}")!;

    [Fact]
    public void Without_metadata_or_options_cells_get_30_minutes_and_the_notebook_no_limit()
    {
        var limits = NotebookLimitsReader.Resolve("plain.ipynb", JsonNode.Parse("{\"kernelspec\": {}}"), NoOptions, out var error);

        Assert.Null(error);
        Assert.Equal(new NotebookLimits(TimeSpan.FromMinutes(30), LimitSource.Default, null, LimitSource.Default), limits);
        Assert.Equal("30 min a cell, no limit for the notebook", limits!.Summary);
    }

    [Fact]
    public void The_notebooks_metadata_sets_its_limits_with_a_plain_number_meaning_minutes()
    {
        var limits = NotebookLimitsReader.Resolve("own.ipynb", Metadata("{\"cell_timeout\": 20, \"notebook_timeout\": \"1.5h\"}"), NoOptions, out var error);

        Assert.Null(error);
        Assert.Equal(new NotebookLimits(TimeSpan.FromMinutes(20), LimitSource.NotebookMetadata, TimeSpan.FromMinutes(90), LimitSource.NotebookMetadata), limits);
        Assert.Equal("20 min a cell, 90 min the notebook; from its metadata: cell_timeout, notebook_timeout", limits!.Summary);
    }

    [Fact]
    public void Options_given_on_the_command_line_win_over_the_metadata_one_by_one()
    {
        var options = NoOptions with { NotebookTimeout = TimeSpan.FromHours(2) };

        var limits = NotebookLimitsReader.Resolve("own.ipynb", Metadata("{\"cell_timeout\": \"20m\", \"notebook_timeout\": \"30m\"}"), options, out var error);

        Assert.Null(error);
        Assert.Equal(new NotebookLimits(TimeSpan.FromMinutes(20), LimitSource.NotebookMetadata, TimeSpan.FromHours(2), LimitSource.CommandLine), limits);
        Assert.StartsWith("The limit of 2 h was given with gan run --notebook-timeout; to allow the notebook longer, give more:", limits!.NotebookLimitAdvice());
    }

    [Theory]
    [InlineData("cell_timeout", "\"soon\"", "'soon' is not a duration")]
    [InlineData("notebook_timeout", "0", "'0' is not a duration")]
    [InlineData("notebook_timeout", "\"8d\"", "'8d' is not a duration")]
    [InlineData("cell_timeout", "true", "is true; give a duration as text")]
    [InlineData("cell_timeout", "null", "is null; give a duration as text")]
    [InlineData("notebook_timeout", "{\"minutes\": 5}", "is {\"minutes\":5}; give a duration as text")]
    public void An_invalid_value_names_the_notebook_the_key_and_the_accepted_syntax(string key, string value, string problem)
    {
        var limits = NotebookLimitsReader.Resolve("05-conditional-gan.ipynb", Metadata($"{{\"{key}\": {value}}}"), NoOptions, out var error);

        Assert.Null(limits);
        Assert.StartsWith($"05-conditional-gan.ipynb: metadata gan.{key}", error);
        Assert.Contains(problem, error);
        Assert.Contains("seconds, minutes or hours with a unit (90s, 45m, 2h)", error);
    }

    [Fact]
    public void An_invalid_value_is_an_error_even_when_the_command_line_overrides_it()
    {
        var options = NoOptions with { CellTimeout = TimeSpan.FromMinutes(5) };

        Assert.Null(NotebookLimitsReader.Resolve("typo.ipynb", Metadata("{\"cell_timeout\": \"5 mins\"}"), options, out var error));
        Assert.StartsWith("typo.ipynb: metadata gan.cell_timeout: '5 mins' is not a duration", error);
    }

    [Fact]
    public void An_unknown_key_names_the_keys_the_runner_reads()
    {
        Assert.Null(NotebookLimitsReader.Resolve("typo.ipynb", Metadata("{\"cell_timout\": \"20m\"}"), NoOptions, out var error));
        Assert.Equal("typo.ipynb: metadata gan.cell_timout is not a setting gan run reads; it reads gan.cell_timeout and "
            + "gan.notebook_timeout, durations in minutes (30), or seconds, minutes or hours with a unit (90s, 45m, 2h).", error);
    }

    [Fact]
    public void A_gan_section_that_is_not_an_object_shows_the_expected_shape()
    {
        Assert.Null(NotebookLimitsReader.Resolve("flat.ipynb", Metadata("\"20m\""), NoOptions, out var error));
        Assert.Equal("flat.ipynb: metadata \"gan\" is \"20m\"; it must be an object such as {\"cell_timeout\": \"20m\", \"notebook_timeout\": \"30m\"}.", error);
    }
}
