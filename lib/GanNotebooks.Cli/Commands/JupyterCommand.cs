using System.CommandLine;
using GanNotebooks.Cli.Runner;

namespace GanNotebooks.Cli.Commands;

/// <summary><c>gan jupyter install</c>: registers the C# kernel (behind the kit's kernel launcher) for your Jupyter and VS Code.</summary>
public static class JupyterCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var install = new Command("install", "Register the .NET Interactive C# kernel for Jupyter and VS Code (started through the kit's launcher: a network namespace of its own, signed messages only).");
        install.SetAction(_ =>
        {
            var file = KernelSpec.Write(UserJupyterDataDirectory());
            Console.WriteLine($"Jupyter kernel '{KernelSpec.Name}': {file} (it starts wherever the notebook is).");
            return 0;
        });
        return new Command("jupyter", "Jupyter set-up.") { install };
    }

    /// <summary>Jupyter's per-user data folder: JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter.</summary>
    public static string UserJupyterDataDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(explicitDir)) return explicitDir;
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }
}
