using System.Text.Json.Nodes;
using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Tests.Notebooks;

public sealed class ExecutedNotebookReaderTests
{
    private static JsonNode Notebook(params string[] outputsJson) => JsonNode.Parse(
        "{\"cells\":[{\"cell_type\":\"markdown\",\"source\":\"# t\"}," +
        string.Join(",", outputsJson.Select((o, i) => $"{{\"cell_type\":\"code\",\"source\":[\"var x{i} = 1;\\n\"],\"outputs\":[{o}]}}")) + "]}")!;

    [Fact]
    public void A_compilation_error_is_reported_with_the_compilers_text()
    {
        var nb = Notebook("{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":\"ok\"}",
            "{\"output_type\":\"stream\",\"name\":\"stderr\",\"text\":[\"(1,9): error CS0103: The name 'Foo' does not exist\\n\"]},{\"output_type\":\"error\",\"ename\":\"Error\",\"evalue\":\"compilation error\",\"traceback\":[]}");
        var failure = ExecutedNotebookReader.FirstFailure(nb);
        Assert.NotNull(failure);
        Assert.Equal(3, failure.CellNumber);
        Assert.Equal("var x1 = 1;", failure.CellFirstLine);
        Assert.Contains("CS0103", failure.Message);
        Assert.Contains("02-x.ipynb: cell 3", failure.Describe("02-x.ipynb"));
    }

    [Fact]
    public void A_runtime_exception_is_reported()
    {
        var nb = Notebook("{\"output_type\":\"error\",\"ename\":\"System.InvalidOperationException\",\"evalue\":\"boom\",\"traceback\":[\"\\u001b[31mat Foo\"]}");
        var failure = ExecutedNotebookReader.FirstFailure(nb)!;
        Assert.Contains("InvalidOperationException: boom", failure.Message);
        Assert.False(failure.Message.Contains('\u001b'), "ANSI colour codes are stripped");
    }

    [Fact]
    public void A_missing_library_names_the_build_command()
    {
        var nb = Notebook("{\"output_type\":\"stream\",\"name\":\"stderr\",\"text\":\"(1,1): error CS0006: Metadata file '../build/notebook/GanNotebooks.dll' could not be found\"}");
        Assert.Contains("./gan build", ExecutedNotebookReader.FirstFailure(nb)!.Describe("n.ipynb"));
    }

    [Fact]
    public void Clean_outputs_pass_and_pictures_are_counted()
    {
        var nb = Notebook("{\"output_type\":\"display_data\",\"data\":{\"image/png\":\"iVBOR\"}}",
            "{\"output_type\":\"display_data\",\"data\":{\"text/html\":[\"<div><img src='data:image/png;base64,x'/></div>\"]}}",
            "{\"output_type\":\"execute_result\",\"data\":{\"text/plain\":\"42\"}}");
        Assert.Null(ExecutedNotebookReader.FirstFailure(nb));
        Assert.Equal(2, ExecutedNotebookReader.PictureCount(nb));
    }

    [Fact]
    public void A_chart_without_a_static_image_is_found()
    {
        var nb = Notebook("{\"output_type\":\"display_data\",\"data\":{\"text/html\":\"<script>Plotly.newPlot(a)</script>\"}}",
            "{\"output_type\":\"display_data\",\"data\":{\"text/html\":\"<script>Plotly.newPlot(b)</script>\",\"image/png\":\"iVBOR\"}}");
        Assert.Equal(1, ExecutedNotebookReader.ChartsWithoutStaticImage(nb));
    }
}
