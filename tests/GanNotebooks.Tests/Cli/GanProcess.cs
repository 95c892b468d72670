using System.Diagnostics;

namespace GanNotebooks.Tests.Cli;

/// <summary><c>dotnet gan.dll …</c> as a child process with extra environment variables; its exit code and output.</summary>
public static class GanProcess
{
    /// <summary>Runs gan with <paramref name="arguments"/>; returns the exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "gan.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OMP_NUM_THREADS"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"gan {string.Join(' ', arguments)} did not finish within 2 minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
