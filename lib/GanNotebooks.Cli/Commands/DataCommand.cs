using System.CommandLine;
using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Cli.Commands;

/// <summary><c>gan data …</c>: fetch, verify and describe the data sets. Introduced in notebook 02-vanilla-gan.</summary>
public static class DataCommand
{
    /// <summary>Builds the command with its <c>fetch</c>, <c>verify</c> and <c>info</c> subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("data", "Fetch and verify the data sets (folder: $GAN_DATA_DIR or <repo>/data).");
        command.Subcommands.Add(CreateFetch());
        command.Subcommands.Add(CreateVerify());
        command.Subcommands.Add(CreateInfo());
        command.Subcommands.Add(ImportCelebACommand.Create());
        return command;
    }

    /// <summary>Parses "mnist", "fashion-mnist" or "all" (null or empty means all).</summary>
    /// <exception cref="ArgumentException">Not a data set name.</exception>
    public static IReadOnlyList<DataSetName> ParseSelection(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
            ? DataSetNames.All
            : [DataSetNames.Parse(text)];

    /// <summary>
    /// Like <see cref="ParseSelection"/>, but reports an unknown name on <paramref name="error"/> and returns false
    /// (the caller then exits with code 2).
    /// </summary>
    public static bool TryParseSelection(string? text, TextWriter error, out IReadOnlyList<DataSetName> names)
    {
        try
        {
            names = ParseSelection(text);
            return true;
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            names = [];
            return false;
        }
    }

    private static Argument<string> SetArgument() => new("set")
    {
        Description = "mnist, fashion-mnist or all",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "all",
    };

    private static Command CreateFetch()
    {
        var set = SetArgument();
        var noFallback = new Option<bool>("--no-fallback") { Description = "Fail instead of using the offline fallback when every mirror fails." };
        var command = new Command("fetch", "Download (or, offline, copy/convert) the data sets and verify them.");
        command.Arguments.Add(set);
        command.Options.Add(noFallback);
        command.SetAction(async (parseResult, cancellationToken) =>
            await DataFetchRunner.RunAsync(parseResult.GetValue(set), !parseResult.GetValue(noFallback), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    private static Command CreateVerify()
    {
        var set = SetArgument();
        var command = new Command("verify", "Recompute the SHA-256 of the data files and check them against the catalog and SOURCE.json.");
        command.Arguments.Add(set);
        command.SetAction(parseResult => DataReports.Verify(parseResult.GetValue(set), null, Console.Out, Console.Error));
        return command;
    }

    private static Command CreateInfo()
    {
        var command = new Command("info", "Show which data sets are present, where they came from and their class counts.");
        command.SetAction(_ => DataReports.Info(null, Console.Out));
        return command;
    }
}
