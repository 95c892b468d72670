using GanNotebooks.Data;
using GanNotebooks.Data.Fetching;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Commands;

/// <summary><c>gan data verify</c> and <c>gan data info</c>: what is present and whether it is intact. Introduced in notebook 02-vanilla-gan.</summary>
public static class DataReports
{
    /// <summary>Verifies the selected data sets that are present; returns 0 when all are intact and at least one is present.</summary>
    public static int Verify(string? selection, string? dataRoot, TextWriter output, TextWriter error)
    {
        if (!DataCommand.TryParseSelection(selection, error, out var names)) return 2;
        var bad = 0;
        var present = 0;
        foreach (var name in names)
        {
            var report = DataVerifier.Verify(name, dataRoot);
            if (report.Absent)
            {
                output.WriteLine($"{name.ToDisplayName()}: not fetched ({report.Folder}); run ./gan data fetch {name.ToKey()}");
                if (names.Count == 1)
                    bad++;
                continue;
            }
            present++;
            output.WriteLine($"{name.ToDisplayName()} ({report.Folder}): {(report.Ok ? "OK" : "FAILED")}");
            foreach (var file in report.Files)
                output.WriteLine($"  {(file.Ok ? "ok  " : "BAD ")} {file.FileName}: {file.Detail}");
            if (report.SourceProblem is { } sourceProblem)
            {
                output.WriteLine($"  BAD  {DataSetSource.FileName}: broken");
                error.WriteLine(sourceProblem);
                bad++;
                continue;
            }
            if (!report.Ok)
            {
                bad++;
                error.WriteLine($"{name.ToDisplayName()} is damaged: delete {report.Folder} and run ./gan data fetch {name.ToKey()}");
            }
        }
        if (present == 0 && bad == 0)
        {
            error.WriteLine("No data set is present; run ./gan data fetch");
            return 1;
        }
        return bad == 0 ? 0 : 1;
    }

    /// <summary>Prints, per data set, whether it is present, its source, subset flag and counts; always returns 0.</summary>
    public static int Info(string? dataRoot, TextWriter output)
    {
        foreach (var name in DataSetNames.Known)
        {
            var folder = DataSets.FolderOf(name, dataRoot);
            if (!DataSets.IsPresent(name, dataRoot))
            {
                output.WriteLine($"{name.ToDisplayName()}: not present in {folder}; run ./gan data fetch {name.ToKey()}");
                continue;
            }
            DataSetSource? record;
            try
            {
                record = DataSetSource.TryRead(folder);
            }
            catch (DataFileException e)
            {
                output.WriteLine($"{name.ToDisplayName()}: present in {folder}, but {e.Message}");
                continue;
            }
            if (DataSets.FileNamesOf(name).Select(f => PathCheck.FileProblem(Path.Combine(folder, f))).FirstOrDefault(p => p is not null) is { } problem)
            {
                output.WriteLine($"{name.ToDisplayName()}: present in {folder}, but {problem}; run ./gan data verify {name.ToKey()}");
                continue;
            }
            var size = DataSets.FileNamesOf(name).Sum(f => new FileInfo(Path.Combine(folder, f)).Length);
            output.WriteLine($"{name.ToDisplayName()}: present in {folder} ({size / 1e6:F1} MB){(record?.IsSubset == true ? " — SUBSET" : "")}");
            if (record == null)
            {
                output.WriteLine("  source: unknown (no SOURCE.json); run ./gan data verify");
                continue;
            }
            output.WriteLine($"  source: {record.Source}");
            output.WriteLine($"  fetched: {record.FetchedUtc:u}; train {record.TrainCount:N0}, test {record.TestCount:N0}");
            var classes = DataSets.ClassNamesOf(name);
            if (record.TrainClassCounts is { } counts)
                output.WriteLine("  train per class: " + string.Join(", ", counts.Select((c, i) => $"{classes[i]} {c:N0}")));
        }
        return 0;
    }
}
