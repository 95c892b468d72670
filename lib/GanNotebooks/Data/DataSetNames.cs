namespace GanNotebooks.Data;

/// <summary>
/// Names of the data sets as typed on the command line and used as folder names (<c>mnist</c>,
/// <c>fashion-mnist</c>, <c>svhn</c>), and their display names. Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class DataSetNames
{
    /// <summary>Every data set the kit can load, the optional ones (SVHN) included.</summary>
    public static IReadOnlyList<DataSetName> Known { get; } = [DataSetName.Mnist, DataSetName.FashionMnist, DataSetName.Svhn];

    /// <summary>The default data sets, which <c>./gan data fetch all</c> fetches and the set-up installs, in that order.</summary>
    public static IReadOnlyList<DataSetName> All { get; } = [DataSetName.Mnist, DataSetName.FashionMnist];

    /// <summary>The command-line and folder name: <c>mnist</c> or <c>fashion-mnist</c>.</summary>
    public static string ToKey(this DataSetName name) => name switch
    {
        DataSetName.Mnist => "mnist",
        DataSetName.FashionMnist => "fashion-mnist",
        DataSetName.Svhn => "svhn",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown data set."),
    };

    /// <summary>The name to show people: <c>MNIST</c> or <c>Fashion-MNIST</c>.</summary>
    public static string ToDisplayName(this DataSetName name) => name switch
    {
        DataSetName.Mnist => "MNIST",
        DataSetName.FashionMnist => "Fashion-MNIST",
        DataSetName.Svhn => "SVHN",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown data set."),
    };

    /// <summary>Parses <c>mnist</c> or <c>fashion-mnist</c> (any case; <c>fashion_mnist</c> and <c>FashionMnist</c> too).</summary>
    public static bool TryParse(string? text, out DataSetName name)
    {
        var key = (text ?? "").Trim().Replace('_', '-').ToLowerInvariant();
        switch (key)
        {
            case "mnist":
                name = DataSetName.Mnist;
                return true;
            case "fashion-mnist" or "fashionmnist":
                name = DataSetName.FashionMnist;
                return true;
            case "svhn":
                name = DataSetName.Svhn;
                return true;
            default:
                name = default;
                return false;
        }
    }

    /// <summary>Parses like <see cref="TryParse"/>; an unknown name raises an error listing the known ones.</summary>
    /// <exception cref="ArgumentException">Not a known data set name.</exception>
    public static DataSetName Parse(string text) =>
        TryParse(text, out var name)
            ? name
            : throw new ArgumentException($"Unknown data set '{text}': expected one of {string.Join(", ", Known.Select(n => n.ToKey()))}.");
}
