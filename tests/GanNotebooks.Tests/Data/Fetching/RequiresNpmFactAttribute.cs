namespace GanNotebooks.Tests.Data.Fetching;

/// <summary>A fact that is skipped, with the install command, when npm is not on the PATH.</summary>
public sealed class RequiresNpmFactAttribute : FactAttribute
{
    public RequiresNpmFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "npm"))))
            Skip = "npm is not installed; install it with: sudo apt-get install npm";
    }
}
