using GanNotebooks.IO;

namespace GanNotebooks.Tests.Fixtures;

/// <summary>Files under tests/GanNotebooks.Tests/Fixtures, made by tools other than the kit (see each folder's script).</summary>
public static class FixturePaths
{
    public static string Of(params string[] parts) =>
        Path.Combine([KitPaths.FindRepoRoot(AppContext.BaseDirectory)!, "tests", "GanNotebooks.Tests", "Fixtures", .. parts]);
}
