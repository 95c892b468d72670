using GanNotebooks.Visualization;
using static TorchSharp.torch;

namespace GanNotebooks.Tests.Visualization;

public sealed class PointDensityTests
{
    [Fact]
    public void Samples_land_in_the_pixel_of_their_position_with_y_pointing_up()
    {
        // extent 2, 8 pixels: each pixel is 0.5 wide; (1.25, 1.25) is column 6, row 1 (counted from the top).
        using var points = tensor(new float[] { 1.25f, 1.25f, 1.25f, 1.25f, -1.75f, -1.75f }).view(3, 2);
        using var picture = PointDensity.Render(points, extent: 2, size: 8);

        Assert.Equal(new long[] { 3, 8, 8 }, picture.shape);
        Assert.Equal(1f, picture[1, 1, 6].item<float>(), 5);                        // the densest pixel is white
        Assert.Equal((float)(Math.Log(2) / Math.Log(3)), picture[1, 7, 0].item<float>(), 5);   // 1 sample of a peak of 2
        Assert.Equal(2, picture[1].gt(0).sum().item<long>());                        // nothing anywhere else
        Assert.True(picture[0].allclose(picture[1]) && picture[1].allclose(picture[2]), "no marks: grey");
    }

    [Fact]
    public void Samples_outside_the_square_are_left_out_and_no_samples_give_black()
    {
        using var outside = tensor(new float[] { 5, 0, 0, -5, 2, 2 }).view(3, 2);
        using var picture = PointDensity.Render(outside, extent: 2, size: 8);
        Assert.Equal(0, picture.count_nonzero().item<long>());
    }

    [Fact]
    public void A_mark_is_a_red_cross_that_turns_white_where_samples_cover_it()
    {
        using var points = tensor(new float[] { 0.1f, 0.1f }).view(1, 2);   // covers the mark at the centre (row 3, column 4)
        using var picture = PointDensity.Render(points, extent: 2, size: 8, marks: [(0.1, 0.1), (-1.9, -1.9)]);

        Assert.Equal(1f, picture[0, 3, 4].item<float>());   // covered: white
        Assert.Equal(1f, picture[1, 3, 4].item<float>());
        Assert.Equal(0.8f, picture[0, 7, 0].item<float>(), 5);   // missed mode at the bottom left: red ...
        Assert.Equal(0f, picture[1, 7, 0].item<float>());       // ... and only red
        Assert.Equal(0.8f, picture[0, 6, 0].item<float>(), 5);   // the cross's arm above it
    }

    [Fact]
    public void Wrong_shapes_and_sizes_are_rejected()
    {
        using var flat = zeros(4);
        Assert.Throws<ArgumentException>(() => PointDensity.Render(flat));
        using var points = zeros(2, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => PointDensity.Render(points, extent: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PointDensity.Render(points, size: 2));
    }
}
