using System.CommandLine;
using GanNotebooks.Cli;
using GanNotebooks.Tests.Data;

namespace GanNotebooks.Tests.Cli;

public class CommandBoundaryTests
{
    private static async Task<(int Code, string Error)> Invoke(Exception thrown, params string[] args)
    {
        var leaf = new Command("verify");
        leaf.SetAction(int (_) => throw thrown);
        var root = new RootCommand("test") { new Command("data") { leaf } };
        var error = new StringWriter();
        var configuration = new InvocationConfiguration { Error = error, Output = TextWriter.Null };
        var code = await CommandBoundary.InvokeAsync(root.Parse(args), configuration, error);
        return (code, error.ToString());
    }

    [Fact]
    public async Task An_escaping_exception_becomes_one_line_naming_the_command_and_exit_code_1()
    {
        var (code, error) = await Invoke(new InvalidOperationException("the first line\nand the second."), "data", "verify");

        Assert.Equal(1, code);
        Assert.Equal("gan data verify: the first line and the second." + Environment.NewLine, error);
    }

    [Fact]
    public async Task Wrapped_exceptions_show_the_cause_and_never_a_stack_trace()
    {
        var wrapped = new TypeInitializationException("Some.Type", new AggregateException(new IOException("disk full")));

        var (code, error) = await Invoke(wrapped, "data", "verify");

        Assert.Equal(1, code);
        Assert.Equal("gan data verify: disk full" + Environment.NewLine, error);
        Assert.DoesNotContain(" at ", error);
    }

    [Fact]
    public void A_GPU_that_is_not_there_is_named_in_one_line_before_anything_loads()
    {
        using var temp = new TempFolder();
        var environment = new Dictionary<string, string> { ["GAN_DEVICE"] = "cuda:3", ["GAN_DATA_DIR"] = temp.Path };

        var (code, output, error) = GanProcess.Run(environment, "benchmark", "stacked-mnist", "--method", "dcgan", "--seeds", "1", "--out", temp.File("out"));

        Assert.Equal(2, code);
        Assert.StartsWith("GAN_DEVICE='cuda:3' asks for ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", output);
        Assert.False(Directory.Exists(temp.File("out")));
    }
}
