using System.CommandLine;
using GanNotebooks.Data;
using GanNotebooks.Data.ImageFolders;

namespace GanNotebooks.Cli.Commands;

/// <summary><c>gan data import-celeba &lt;zip&gt;</c>: checks and safely extracts CelebA's aligned faces you downloaded.</summary>
public static class ImportCelebACommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var zip = new Argument<string>("zip") { Description = "Path to img_align_celeba.zip as downloaded from CelebA's page." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Skip the size and SHA-256 check (for a zip you trust that differs from the canonical one)." };
        var command = new Command("import-celeba", "Check and extract CelebA's aligned faces into data/celeba/ (the host has download quotas, so the zip is fetched by hand).")
        {
            zip, noVerify,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(zip)!;
            try
            {
                Console.WriteLine(parse.GetValue(noVerify) ? $"Extracting {path} without checking it ..." : $"Checking {path} (size and SHA-256) ...");
                int files = CelebAFaces.ImportZip(path, verify: !parse.GetValue(noVerify),
                    progress: new Progress<int>(n => Console.Write($"\r  {n:N0} files extracted")));
                Console.WriteLine($"\r{files:N0} files extracted into {CelebAFaces.ImagesFolder()}.");
                return 0;
            }
            catch (Exception e) when (e is DataFileException or IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            catch (UnauthorizedAccessException e)
            {
                Console.Error.WriteLine($"{e.Message.TrimEnd('.')}: permission denied. Check that the zip can be read and {CelebAFaces.Folder()} can be written.");
                return 1;
            }
        });
        return command;
    }
}
