using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;

namespace GanNotebooks.Cli.Commands;

/// <summary>
/// Runs <c>gan data fetch</c>: fetches each selected data set with a progress line redrawn in place, and says
/// loudly when the result is a subset. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class DataFetchRunner
{
    /// <summary>Fetches the selection (<c>mnist</c>, <c>fashion-mnist</c> or <c>all</c>); returns the exit code (0 on success).</summary>
    public static async Task<int> RunAsync(string? selection, bool allowFallback, TextWriter output, TextWriter error,
        CancellationToken cancellationToken, string? dataRoot = null)
    {
        if (!DataCommand.TryParseSelection(selection, error, out var names)) return 2;
        var failed = 0;
        var line = new ProgressLine(output);
        foreach (var name in names)
        {
            output.WriteLine($"== {name.ToDisplayName()} -> {DataSets.FolderOf(name, dataRoot)}");
            var options = new FetchOptions { DataRoot = dataRoot, AllowFallback = allowFallback, Log = line.WriteLine };
            try
            {
                var record = await new DataFetcher(options).FetchAsync(name, line, cancellationToken);
                line.Finish();
                Describe(record, output);
            }
            catch (Exception e) when (e is DataFetchException or DataFileException or IOException or UnauthorizedAccessException)
            {
                line.Finish();
                error.WriteLine($"FAILED to fetch {name.ToDisplayName()}: {e.Message}");
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static void Describe(DataSetSource record, TextWriter output)
    {
        if (record.IsSubset)
        {
            output.WriteLine("!!! ------------------------------------------------------------------");
            output.WriteLine($"!!! THIS IS A SUBSET: {record.TrainCount + record.TestCount:N0} images, not the full data set.");
            output.WriteLine($"!!! Train per class: {string.Join(", ", record.TrainClassCounts ?? [])}");
            output.WriteLine($"!!! Test per class:  {string.Join(", ", record.TestClassCounts ?? [])}");
            output.WriteLine("!!! Run ./gan data fetch again where the mirrors are reachable for the full set.");
            output.WriteLine("!!! ------------------------------------------------------------------");
        }
        output.WriteLine($"{record.Source}");
        output.WriteLine($"Train {record.TrainCount:N0}, test {record.TestCount:N0}. OK.");
    }

    private sealed class ProgressLine(TextWriter output) : IProgress<DownloadProgress>
    {
        private bool _open;
        private DateTime _last = DateTime.MinValue;

        public void Report(DownloadProgress value)
        {
            var done = value.TotalBytes is long total && value.BytesReceived >= total;
            if (!done && DateTime.UtcNow - _last < TimeSpan.FromMilliseconds(200))
                return;
            _last = DateTime.UtcNow;
            var percent = value.Percent is double p ? $"{p,5:F1}%" : "     ?";
            var total2 = value.TotalBytes is long t ? $" / {t / 1e6:F1} MB" : "";
            lock (output)
                output.Write($"\r  {value.FileName}: {percent}  {value.BytesReceived / 1e6:F1} MB{total2}   ");
            _open = true;
        }

        public void WriteLine(string text)
        {
            Finish();
            lock (output)
                output.WriteLine(text);
        }

        public void Finish()
        {
            if (!_open)
                return;
            _open = false;
            lock (output)
                output.WriteLine();
        }
    }
}
