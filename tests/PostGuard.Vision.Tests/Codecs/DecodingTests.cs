using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.Tests.Codecs;

[Collection(VisionCollection.Name)]
public sealed class DecodingTests(VisionFixture vision)
{
    private readonly ImageDecoder _decoder = new();

    [Fact]
    public void Jpeg_decodes_at_full_size_as_displayed()
    {
        var image = _decoder.Decode(vision.Sample(1));

        Assert.Equal(ImageFormat.Jpeg, image.Format);
        Assert.Equal((1920, 1280), (image.DisplayWidth, image.DisplayHeight));
        Assert.Equal((1920, 1280), (image.Pixels.Width, image.Pixels.Height));
        Assert.InRange(MeanBrightness(image.Pixels), 20, 200);
    }

    [Theory]
    [InlineData(960, 960, 640)]   // 1/2
    [InlineData(480, 480, 320)]   // 1/4
    [InlineData(240, 240, 160)]   // 1/8
    [InlineData(1000, 1200, 800)] // 5/8 is the smallest eighth that keeps 1000 px
    public void Jpeg_is_decoded_smaller_in_the_DCT_domain_when_fewer_pixels_are_needed(int minimumWidth, int width, int height)
    {
        var image = _decoder.Decode(vision.Sample(1), minimumWidth);

        Assert.Equal((width, height), (image.Pixels.Width, image.Pixels.Height));
        Assert.Equal((1920, 1280), (image.DisplayWidth, image.DisplayHeight));
        Assert.Equal((double)width / 1920, image.Scale, 6);
    }

    [Theory]
    [InlineData("sample1-640.png", ImageFormat.Png)]
    [InlineData("sample1-640.webp", ImageFormat.WebP)]
    [InlineData("sample1-640.heic", ImageFormat.Heic)]
    public void Png_WebP_and_Heic_decode_to_the_same_picture_as_the_jpeg(string file, ImageFormat format)
    {
        var reference = ImageResizer.Resize(_decoder.Decode(vision.Sample(1)).Pixels, 640, 427);

        var image = _decoder.Decode(VisionFixture.TestFile(file));

        Assert.Equal(format, image.Format);
        Assert.Equal((640, 427), (image.DisplayWidth, image.DisplayHeight));
        Assert.InRange(MeanAbsoluteDifference(reference, image.Pixels), 0, 12);
    }

    [Fact]
    public void Exif_orientation_6_is_applied_so_the_photo_is_upright()
    {
        var upright = _decoder.Decode(VisionFixture.TestFile("sample1-640.png")).Pixels;

        var rotated = _decoder.Decode(VisionFixture.TestFile("sample1-640-orientation6.jpg"));

        Assert.Equal(6, rotated.Metadata.Orientation);
        Assert.Equal((640, 427), (rotated.DisplayWidth, rotated.DisplayHeight));
        Assert.Equal((640, 427), (rotated.Pixels.Width, rotated.Pixels.Height));
        Assert.InRange(MeanAbsoluteDifference(upright, rotated.Pixels), 0, 12);
    }

    [Fact]
    public void Scaled_decode_of_a_rotated_jpeg_keeps_the_displayed_width_requested()
    {
        var rotated = _decoder.Decode(VisionFixture.TestFile("sample1-640-orientation6.jpg"), 320);

        Assert.Equal((320, 214), (rotated.Pixels.Width, rotated.Pixels.Height));
        Assert.Equal((640, 427), (rotated.DisplayWidth, rotated.DisplayHeight));
    }

    [Fact]
    public void Every_orientation_maps_the_top_left_pixel_where_exif_says()
    {
        // A 3×2 image whose pixels are numbered 0..5 in the red channel.
        var stored = new RgbImage(3, 2);
        for (var i = 0; i < 6; i++)
        {
            stored.Pixels[i * 3] = (byte)i;
        }
        // Displayed position of stored pixel 0 (top-left) for orientations 1..8.
        var expected = new (int X, int Y, int Width)[] { (0, 0, 3), (2, 0, 3), (2, 1, 3), (0, 1, 3), (0, 0, 2), (1, 0, 2), (1, 2, 2), (0, 2, 2) };

        for (var orientation = 1; orientation <= 8; orientation++)
        {
            var shown = Orientation.Apply(stored, orientation);
            var (x, y, width) = expected[orientation - 1];
            Assert.Equal(width, shown.Width);
            Assert.Equal(0, shown.Pixels[((y * shown.Width) + x) * 3]);
            Assert.Equal(15, Enumerable.Range(0, 6).Sum(i => shown.Pixels[i * 3]));
        }
    }

    [Fact]
    public void Jpeg_encode_round_trips_without_any_metadata_segment()
    {
        var image = _decoder.Decode(vision.Sample(2), 480).Pixels;

        var jpeg = JpegCodec.Encode(image, 90);
        var again = _decoder.Decode(jpeg);

        Assert.Equal((image.Width, image.Height), (again.DisplayWidth, again.DisplayHeight));
        Assert.InRange(MeanAbsoluteDifference(image, again.Pixels), 0, 4);
        Assert.DoesNotContain(Markers(jpeg), m => m == 0xE1); // no APP1 (EXIF/XMP)
    }

    internal static double MeanBrightness(RgbImage image) => image.Pixels.Average(b => (double)b);

    internal static double MeanAbsoluteDifference(RgbImage a, RgbImage b)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        long sum = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            sum += Math.Abs(a.Pixels[i] - b.Pixels[i]);
        }
        return (double)sum / a.Pixels.Length;
    }

    /// <summary>The JPEG marker bytes before the image data (SOS).</summary>
    internal static List<int> Markers(byte[] jpeg)
    {
        var markers = new List<int>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }
            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }
        return markers;
    }
}
