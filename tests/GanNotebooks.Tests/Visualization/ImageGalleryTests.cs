using GanNotebooks.Visualization;

namespace GanNotebooks.Tests.Visualization;

public class ImageGalleryTests
{
    [Fact]
    public void Html_holds_every_picture_with_its_caption_and_type()
    {
        var png = new PngImage([1, 2, 3], 30, 20);
        var gif = new GifImage([4, 5, 6], 40, 50, 3);
        var gallery = new ImageGallery().Add("SGD <lr 0.05>", png).Add("Adam", gif);
        var html = gallery.ToHtml();
        Assert.Equal(2, gallery.Count);
        Assert.Contains("SGD &lt;lr 0.05&gt;", html);
        Assert.Contains($"data:image/png;base64,{png.ToBase64()}", html);
        Assert.Contains($"data:image/gif;base64,{gif.ToBase64()}", html);
        Assert.Contains("width=\"40\" height=\"50\"", html);
        Assert.True(html.IndexOf("SGD", StringComparison.Ordinal) < html.IndexOf("Adam", StringComparison.Ordinal));
    }
}
