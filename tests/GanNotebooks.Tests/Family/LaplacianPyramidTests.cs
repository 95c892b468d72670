using GanNotebooks.Family;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Family;

public sealed class LaplacianPyramidTests
{
    [Fact]
    public void An_mnist_sized_batch_has_levels_of_7_14_and_28_pixels()
    {
        using var images = rand(3, 1, 28, 28, generator: new Generator(1)) * 2 - 1;
        using var pyramid = LaplacianPyramid.Build(images);
        Assert.Equal(new long[] { 3, 1, 7, 7 }, pyramid.Coarsest.shape);
        Assert.Equal(2, pyramid.Residuals.Count);
        Assert.Equal(new long[] { 3, 1, 14, 14 }, pyramid.Residuals[0].shape);
        Assert.Equal(new long[] { 3, 1, 28, 28 }, pyramid.Residuals[1].shape);
        var levels = pyramid.Images();
        Assert.Equal([7L, 14, 28], levels.Select(l => l.shape[2]).ToArray());
    }

    [Fact]
    public void Reconstructing_the_pyramid_gives_the_images_back()
    {
        using var images = rand(4, 1, 28, 28, generator: new Generator(2)) * 2 - 1;
        using var pyramid = LaplacianPyramid.Build(images);
        using var rebuilt = pyramid.Reconstruct();
        Assert.True(rebuilt.allclose(images, rtol: 0, atol: 1e-6), $"largest error {(rebuilt - images).abs().max().item<float>()}");
        using var middle = LaplacianPyramid.Downsample(images);
        Assert.True(pyramid.Images()[1].allclose(middle, rtol: 0, atol: 1e-6), "the 14×14 level is not the down-sampled image");
    }

    [Fact]
    public void Down_sampling_averages_each_two_by_two_block()
    {
        using var image = arange(16, ScalarType.Float32).view(1, 1, 4, 4);
        using var down = LaplacianPyramid.Downsample(image);
        // Blocks {0,1,4,5}, {2,3,6,7}, {8,9,12,13}, {10,11,14,15}.
        Assert.Equal([2.5f, 4.5f, 10.5f, 12.5f], down.data<float>().ToArray());
    }

    [Fact]
    public void A_constant_image_has_no_band_pass_detail_and_keeps_its_value_when_up_sampled()
    {
        using var image = full(2, 1, 8, 8, 0.3f);
        using var pyramid = LaplacianPyramid.Build(image, 3);
        Assert.True(pyramid.Residuals.All(r => r.abs().max().item<float>() < 1e-6f));
        Assert.True(pyramid.Coarsest.allclose(full(2, 1, 2, 2, 0.3f)));
        using var up = LaplacianPyramid.Upsample(pyramid.Coarsest);
        Assert.Equal(new long[] { 2, 1, 4, 4 }, up.shape);
        Assert.True(up.allclose(full(2, 1, 4, 4, 0.3f)));
    }

    [Fact]
    public void A_checkerboard_vanishes_from_the_coarse_level_and_lives_in_the_residual()
    {
        using var board = (arange(4).view(4, 1) + arange(4).view(1, 4)).remainder(2).to_type(ScalarType.Float32) * 2 - 1;
        using var images = board.view(1, 1, 4, 4);
        using var pyramid = LaplacianPyramid.Build(images, 2);
        Assert.True(pyramid.Coarsest.abs().max().item<float>() < 1e-6f);
        Assert.True(pyramid.Residuals[0].allclose(images));
    }

    [Fact]
    public void A_size_that_does_not_halve_evenly_is_refused()
    {
        using var images = zeros(1, 1, 28, 28);
        var error = Assert.Throws<ArgumentException>(() => LaplacianPyramid.Build(images, 4));
        Assert.Contains("multiple of 8", error.Message);
    }
}
