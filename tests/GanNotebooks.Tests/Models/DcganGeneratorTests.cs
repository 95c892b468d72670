using GanNotebooks.Models;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Models;

public sealed class DcganGeneratorTests
{
    [Theory]
    [InlineData(28, 1)]
    [InlineData(32, 3)]
    [InlineData(64, 3)]
    public void Produces_images_of_the_configured_size_in_the_tanh_range(int size, int channels)
    {
        using var g = new DcganGenerator(new DcganConfig { ImageSize = size, Channels = channels, GeneratorFeatures = 8 });
        using var z = randn(3, 100);
        using var images = g.forward(z);
        Assert.Equal(new long[] { 3, channels, size, size }, images.shape);
        Assert.True(images.abs().max().item<float>() <= 1f);
    }

    [Fact]
    public void The_64_pixel_generator_matches_the_PyTorch_tutorials_size()
    {
        using var g = new DcganGenerator(new DcganConfig { ImageSize = 64, Channels = 3, MatrixProductLayers = false });   // the tutorial's layer types
        var table = ParameterTable.Of(g, 2, 100);
        Assert.Equal(3_576_704, table.Trainable);   // ngf = 64, nz = 100, as in PyTorch's DCGAN faces tutorial
        Assert.Equal(["[2, 512, 4, 4]", "[2, 256, 8, 8]", "[2, 128, 16, 16]", "[2, 64, 32, 32]", "[2, 3, 64, 64]"],
            table.Rows.Where(r => r.Layer is "project" or "output" || r.Layer.StartsWith("up")).Select(r => r.OutputShape));
        Assert.All(table.Rows.Where(r => r.Layer is "project" or "output" || r.Layer.StartsWith("up")), r => Assert.Equal("ConvTranspose2d", r.Type));
    }

    [Fact]
    public void With_matrix_product_layers_the_grey_generator_computes_its_projection_and_its_last_layer_as_matrix_products()
    {
        using var g = new DcganGenerator(new DcganConfig { GeneratorFeatures = 32, MatrixProductLayers = true });
        var table = ParameterTable.Of(g, 2, 100);
        Assert.Equal([("project", "LatentProjection", "[2, 64, 7, 7]"), ("up1", "ConvTranspose2d", "[2, 32, 14, 14]"), ("output", "Col2ImConvTranspose2d", "[2, 1, 28, 28]")],
            table.Rows.Where(r => r.Layer is "project" or "output" || r.Layer.StartsWith("up")).Select(r => (r.Layer, r.Type, r.OutputShape)));
    }

    [Fact]
    public void By_default_the_projection_and_the_grey_output_are_matrix_products()
    {
        using var g = new DcganGenerator(new DcganConfig { GeneratorFeatures = 8 });
        Assert.Equal(["LatentProjection", "Col2ImConvTranspose2d"],
            ParameterTable.Of(g, 2, 100).Rows.Where(r => r.Layer is "project" or "output").Select(r => r.Type));
    }

    [Fact]
    public void With_matrix_product_layers_the_colour_generator_keeps_the_librarys_last_layer()
    {
        using var g = new DcganGenerator(new DcganConfig { ImageSize = 32, Channels = 3, GeneratorFeatures = 8, MatrixProductLayers = true });
        var types = ParameterTable.Of(g, 2, 100).Rows.Where(r => r.Layer is "project" or "output").Select(r => r.Type);
        Assert.Equal(["LatentProjection", "ConvTranspose2d"], types);
    }

    [Theory]
    [InlineData(28, 1)]
    [InlineData(32, 3)]
    public void Matrix_product_layers_give_the_same_images_from_the_same_weights(int size, int channels)
    {
        var config = new DcganConfig { ImageSize = size, Channels = channels, GeneratorFeatures = 8, MatrixProductLayers = false };
        using var library = new DcganGenerator(config);
        using var products = new DcganGenerator(config with { MatrixProductLayers = true });
        using (no_grad())
            foreach (var ((name, mine), (_, theirs)) in products.named_parameters().Zip(library.named_parameters()))
                mine.copy_(theirs);
        library.eval();
        products.eval();
        manual_seed(9);
        using var z = randn(4, 100);
        using var expected = library.forward(z);
        using var actual = products.forward(z);
        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-5), $"largest difference {(actual - expected).abs().max().item<float>()}");
    }

    [Fact]
    public void Weights_start_from_the_DCGAN_initialisation()
    {
        manual_seed(3);
        using var g = new DcganGenerator();
        var convWeights = g.named_parameters().Where(p => p.name.EndsWith("weight") && p.parameter.dim() == 4).ToList();
        Assert.NotEmpty(convWeights);
        foreach (var (_, w) in convWeights)
        {
            Assert.Equal(0, w.mean().item<float>(), 0.005);
            Assert.Equal(DcganWeights.Std, w.std().item<float>(), 0.004);
        }
        var normScales = g.named_parameters().Where(p => p.name.Contains("norm") && p.name.EndsWith("weight")).ToList();
        Assert.All(normScales, p => Assert.Equal(1, p.parameter.mean().item<float>(), 0.01));
    }

    [Fact]
    public void Unsupported_sizes_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new DcganGenerator(new DcganConfig { ImageSize = 48 }));
        Assert.Contains("ImageSize", error.Message);
    }
}
