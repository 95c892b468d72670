using System.IO.Compression;
using GanNotebooks.Data;
using GanNotebooks.Data.ImageFolders;
using GanNotebooks.Tests.Fixtures;

namespace GanNotebooks.Tests.Data.ImageFolders;

public sealed class CelebAFacesTests
{
    private static string FacesZip(TempFolder folder, string inner = "img_align_celeba")
    {
        var path = folder.File("faces.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in Directory.GetFiles(FixturePaths.Of("images", "good"), "*.jpg"))
            archive.CreateEntryFromFile(file, $"{inner}/{Path.GetFileName(file)}");
        return path;
    }

    [Fact]
    public void An_imported_zip_loads_as_square_colour_faces()
    {
        using var root = new TempFolder();
        var zip = FacesZip(root);
        Assert.False(CelebAFaces.IsPresent(root.Path));
        Assert.Equal(3, CelebAFaces.ImportZip(zip, root.Path, verify: false));
        using var faces = CelebAFaces.Load(new ImageFolderOptions { Size = 16 }, root.Path);
        Assert.Equal(new long[] { 3, 3, 16, 16 }, faces.Images.shape);
        Assert.Throws<IOException>(() => CelebAFaces.ImportZip(zip, root.Path, verify: false));   // never overwritten
    }

    [Fact]
    public void A_zip_that_is_not_the_canonical_one_is_refused_with_the_reason()
    {
        using var root = new TempFolder();
        var error = Assert.Throws<DataFileException>(() => CelebAFaces.ImportZip(FacesZip(root), root.Path));
        Assert.Contains("1,443,490,838", error.Message);
        Assert.False(CelebAFaces.IsPresent(root.Path));
    }

    [Fact]
    public void A_zip_without_the_faces_folder_leaves_nothing_behind()
    {
        using var root = new TempFolder();
        var error = Assert.Throws<DataFileException>(() => CelebAFaces.ImportZip(FacesZip(root, "other"), root.Path, verify: false));
        Assert.Contains("img_align_celeba", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(CelebAFaces.Folder(root.Path)));
    }

    [Fact]
    public void Loading_before_importing_names_the_command()
    {
        using var root = new TempFolder();
        Assert.Contains("./gan data import-celeba", Assert.Throws<DirectoryNotFoundException>(() => CelebAFaces.Load(dataRoot: root.Path)).Message);
    }
}
