using GanNotebooks.Data.Archives;
using GanNotebooks.Data.Fetching;
using GanNotebooks.IO;

namespace GanNotebooks.Data.ImageFolders;

/// <summary>
/// CelebA's aligned face crops (<c>img_align_celeba.zip</c>, 202,599 JPEGs of 178×218). Its usual source is a file
/// host with download quotas that scripts cannot use reliably, so the kit takes a zip you downloaded yourself:
/// <c>./gan data import-celeba img_align_celeba.zip</c> checks its SHA-256 (as published by TensorFlow Datasets),
/// extracts it safely into <c>data/celeba/</c>, and <see cref="Load"/> reads the faces as a square image folder.
/// Introduced in notebook 04-dcgan.
/// </summary>
public static class CelebAFaces
{
    /// <summary>SHA-256 of the canonical <c>img_align_celeba.zip</c>.</summary>
    public const string ZipSha256 = "46fb89443c578308acf364d7d379fe1b9efb793042c0af734b6112e4fd3a8c74";

    /// <summary>Size in bytes of the canonical zip.</summary>
    public const long ZipSize = 1_443_490_838;

    /// <summary>The folder the faces are extracted to: <c>&lt;data&gt;/celeba</c>.</summary>
    public static string Folder(string? dataRoot = null) => Path.Combine(Path.GetFullPath(dataRoot ?? KitPaths.DataRoot), "celeba");

    /// <summary>The folder holding the JPEGs once imported.</summary>
    public static string ImagesFolder(string? dataRoot = null) => Path.Combine(Folder(dataRoot), "img_align_celeba");

    /// <summary>True when the faces have been imported.</summary>
    public static bool IsPresent(string? dataRoot = null) => Directory.Exists(ImagesFolder(dataRoot));

    /// <summary>
    /// Checks <paramref name="zipPath"/> against the canonical size and SHA-256 (unless <paramref name="verify"/> is
    /// false, for a zip you trust but that differs) and extracts it into <see cref="Folder"/>; returns the file count.
    /// </summary>
    public static int ImportZip(string zipPath, string? dataRoot = null, bool verify = true, IProgress<int>? progress = null)
    {
        switch (PathCheck.Classify(zipPath))
        {
            case PathKind.Missing:
                throw new FileNotFoundException($"No file {zipPath}: download img_align_celeba.zip from CelebA's page first.", zipPath);
            case not PathKind.RegularFile and var kind:
                throw new DataFileException(zipPath, $"{PathCheck.Describe(zipPath, kind, "a file")}; give the path of img_align_celeba.zip itself.");
        }
        if (verify)
        {
            long size = new FileInfo(zipPath).Length;
            if (size != ZipSize)
                throw new DataFileException(zipPath, $"{zipPath}: {size:N0} bytes, but the canonical img_align_celeba.zip has {ZipSize:N0}. An interrupted download? Download it again.");
            var sha = FileHashes.Sha256(zipPath);
            if (sha != ZipSha256)
                throw new DataFileException(zipPath, $"{zipPath}: SHA-256 {sha} is not the canonical {ZipSha256}. Download it again.");
        }
        if (IsPresent(dataRoot)) throw new IOException($"The faces are already in {ImagesFolder(dataRoot)}; delete that folder to import again.");
        var staging = Path.Combine(Folder(dataRoot), ".import");
        var created = TopmostMissing(Folder(dataRoot));
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        int files;
        try
        {
            files = SafeZipExtractor.Extract(zipPath, staging, progress: progress);
        }
        catch when (created is not null && Directory.Exists(created) && Directory.EnumerateFiles(created, "*", SearchOption.AllDirectories).FirstOrDefault() is null)
        {
            Directory.Delete(created, recursive: true);   // a refused archive leaves the data folder as it was
            throw;
        }
        var extracted = Path.Combine(staging, "img_align_celeba");
        if (!Directory.Exists(extracted))
        {
            Directory.Delete(staging, recursive: true);
            throw new DataFileException(zipPath, $"{zipPath}: no folder img_align_celeba inside; is this CelebA's aligned-faces zip?");
        }
        Directory.Move(extracted, ImagesFolder(dataRoot));
        Directory.Delete(staging, recursive: true);
        return files;
    }

    // The outermost folder of the path that does not exist yet (null when it all exists).
    private static string? TopmostMissing(string folder)
    {
        string? missing = null;
        for (var dir = Path.GetFullPath(folder); dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)) missing = dir;
        return missing;
    }

    /// <summary>Reads the faces as square images (default 64×64 colour; set <see cref="ImageFolderOptions.Limit"/> to read a part).</summary>
    public static ImageFolderData Load(ImageFolderOptions? options = null, string? dataRoot = null, IProgress<int>? progress = null)
    {
        if (!IsPresent(dataRoot))
            throw new DirectoryNotFoundException($"CelebA is not in {ImagesFolder(dataRoot)}: download img_align_celeba.zip from CelebA's page, then run ./gan data import-celeba <path to the zip>.");
        return ImageFolder.Load(ImagesFolder(dataRoot), options, progress);
    }
}
