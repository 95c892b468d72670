using System.Text.Json;

namespace GanNotebooks.Cli.Runner;

/// <summary>
/// The Jupyter kernel spec the runner uses: the .NET Interactive C# kernel from the repository's local tool
/// manifest, listening on local interfaces only (<c>--http-local-only</c>; by default it would open its HTTP port
/// on every interface). Written under build/jupyter so that it never touches the user's own kernels.
/// </summary>
public static class KernelSpec
{
    /// <summary>The kernel name notebooks ask for in their metadata.</summary>
    public const string Name = ".net-csharp";

    /// <summary>The command line Jupyter starts the kernel with.</summary>
    public static IReadOnlyList<string> Argv { get; } =
    [
        "dotnet", "tool", "run", "dotnet-interactive", "jupyter",
        "--default-kernel", "csharp", "{connection_file}", "--http-local-only", "--http-port-range", "2048-3000",
    ];

    /// <summary>Writes the spec under <c>&lt;jupyterPath&gt;/kernels/.net-csharp/kernel.json</c> and returns the file.</summary>
    public static string Write(string jupyterPath)
    {
        var folder = Path.Combine(jupyterPath, "kernels", Name);
        Directory.CreateDirectory(folder);
        var spec = new Dictionary<string, object>
        {
            ["argv"] = Argv,
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
        };
        var file = Path.Combine(folder, "kernel.json");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(spec, new JsonSerializerOptions { WriteIndented = true });
        if (!File.Exists(file) || !File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes))   // an identical spec is left untouched
            GanNotebooks.IO.AtomicFile.WriteAllBytes(file, bytes);
        return file;
    }
}
