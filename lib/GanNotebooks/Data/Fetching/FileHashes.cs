using System.IO.Compression;
using System.Security.Cryptography;

namespace GanNotebooks.Data.Fetching;

/// <summary>SHA-256 of files, as lower-case hex, of the bytes as stored or decompressed. Introduced in notebook 02-vanilla-gan.</summary>
public static class FileHashes
{
    /// <summary>SHA-256 of the file's bytes.</summary>
    public static string Sha256(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>SHA-256 of the decompressed contents of a gzip file.</summary>
    /// <exception cref="InvalidDataException">The file is not valid gzip.</exception>
    public static string Sha256OfDecompressed(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var content = new GZipStream(file, CompressionMode.Decompress);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }
}
