using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Tests.Data.Fetching;

/// <summary>
/// A child program of the tests (<c>dotnet GanNotebooks.Tests.dll fetch &lt;data-root&gt; &lt;mirror-url&gt;</c>): fetches the
/// <see cref="FakeDataSet"/> (the same bytes and SHA-256 values in every process) from the mirror into the data
/// root, without fallback, printing each log line. Exit code 0 when fetched, 1 with the error on stderr otherwise.
/// </summary>
public static class FetchProcessProgram
{
    public const string Command = "fetch";

    public static int Run(string[] args)
    {
        if (args.Length != 3 || args[0] != Command)
        {
            Console.Error.WriteLine($"usage: dotnet GanNotebooks.Tests.dll {Command} <data-root> <mirror-url>");
            return 2;
        }
        var options = new FetchOptions
        {
            DataRoot = args[1],
            Catalog = new FakeDataSet().Catalog(new Uri(args[2])),
            AllowFallback = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(50),
            LockTimeout = TimeSpan.FromSeconds(60),
            Log = line => Console.WriteLine(line),
        };
        Console.WriteLine("started");
        try
        {
            var record = new DataFetcher(options).FetchAsync(DataSetName.Mnist).GetAwaiter().GetResult();
            Console.WriteLine($"fetched {record.Kind} {record.TrainCount} {record.TestCount}");
            return 0;
        }
        catch (DataFetchException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
