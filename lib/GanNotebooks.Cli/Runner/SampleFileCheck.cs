using GanNotebooks.Data;
using GanNotebooks.Export;
using GanNotebooks.IO;

namespace GanNotebooks.Cli.Runner;

/// <summary>Checks a notebook's exported samples (artifacts/&lt;notebook&gt;/samples.idx3-ubyte) where it wrote them.</summary>
public static class SampleFileCheck
{
    /// <summary>Null when the samples are absent or a readable IDX3 file; otherwise what is wrong.</summary>
    public static string? Check(string notebookName, TextWriter log)
    {
        var path = Path.Combine(KitPaths.ArtifactsFor(notebookName), SampleExport.SamplesFileName);
        if (!File.Exists(path)) return null;
        try
        {
            var images = IdxReader.ReadImages(path);
            log.WriteLine($"    samples: {images.Count:N0} images of {images.Rows}×{images.Columns} in {path}");
            return images.Count > 0 ? null : $"{notebookName}: {path} holds no images.";
        }
        catch (DataFileException e)
        {
            return $"{notebookName}: the exported samples are not readable: {e.Message}";
        }
    }
}
