namespace GanNotebooks.Tests.Data;

/// <summary>A fact that is skipped, with the install command, when the Debian Fashion-MNIST package is absent.</summary>
public sealed class RequiresDebianFashionMnistFactAttribute : FactAttribute
{
    public const string Folder = "/usr/share/datasets/fashion-mnist";

    public RequiresDebianFashionMnistFactAttribute()
    {
        if (!File.Exists(Path.Combine(Folder, "train-images-idx3-ubyte.gz")))
            Skip = $"Fashion-MNIST is not in {Folder}; install it with: sudo apt-get install dataset-fashion-mnist";
    }
}
